import type { EntityManager } from 'typeorm';
import { AppError, ErrorCodes, type CaseView, type DecidingAuthority, type ImmediateDecision, type MaterialRef } from '#libs/contracts';
import { queryOne } from '#libs/persistence';

/** An intake.cases row as PostgreSQL returns it. */
export interface CaseRow {
  case_no: string;
  item_code: string;
  item_name: string;
  item_version: number;
  case_type: string;
  center_code: string;
  /** intake's own view: ACCEPTED, or how the case ended (REJECTED, DELIVERING, DELIVERED, WITHDRAWN). */
  status: string;
  applicant: CaseView['applicant'];
  materials: CaseView['materials'];
  form: Record<string, unknown>;
  delivery: CaseView['delivery'];
  accepted_at: Date;
  accepted_by: string;
  promised_deadline: Date;
  legal_deadline: Date;
  pending_materials: MaterialRef[];
  pending_due_at: Date | null;
  deciding_authority: DecidingAuthority | null;
  immediate_decision: ImmediateDecision | null;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
  version: number;
}

/** The case, or 404. `forUpdate` locks it for the rest of the transaction, so two clerks acting on it take turns. */
export async function findCase(m: EntityManager, caseNo: string, opts: { forUpdate?: boolean } = {}): Promise<CaseRow> {
  const r = await queryOne<CaseRow>(m, `SELECT * FROM intake.cases WHERE case_no = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [caseNo]);
  if (!r) throw AppError.notFound(ErrorCodes.CASE_NOT_FOUND, `No case ${caseNo}`);
  return r;
}

/** Statuses after which nothing more is handed in or withdrawn: the case ended or its result has left the window. */
export const CLOSED_STATUSES = ['REJECTED', 'WITHDRAWN', 'DELIVERING', 'DELIVERED'];
