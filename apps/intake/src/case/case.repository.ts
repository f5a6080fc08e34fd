import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AppError,
  ErrorCodes,
  type AcceptCaseReply,
  type CaseView,
  type DecidingAuthority,
  type ImmediateDecision,
  type MaterialRef,
} from '#libs/contracts';
import { APPLICANT_FIELDS, DELIVERY_CONTACT_FIELDS, openFields, PiiKeyring, sealFields } from '#libs/crypto';
import { queryOne, queryRows } from '#libs/persistence';

/** An intake.cases row as PostgreSQL returns it. */
export interface CaseRow {
  /** The acceptance answer as the window got it (with the fee estimate). */
  reply?: AcceptCaseReply | null;
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

/** A case as the window accepts it, with the reply a retry of the same request gets back. */
export interface NewCase {
  caseNo: string;
  itemCode: string;
  itemVersion: number | undefined;
  itemName: string;
  caseType: string;
  centerCode: string;
  status: string;
  applicant: unknown;
  materials: unknown;
  form: Record<string, unknown>;
  delivery: unknown;
  acceptedAt: Date;
  acceptedBy: string;
  promisedDeadline: Date;
  legalDeadline: Date;
  pendingMaterials: MaterialRef[];
  pendingDueAt: Date | null;
  decidingAuthority: DecidingAuthority | undefined;
  immediateDecision: ImmediateDecision | undefined;
  requestId: string | null;
  reply: AcceptCaseReply;
}

export interface NewSupplement {
  id: string;
  caseNo: string;
  materials: MaterialRef[];
  note: string | null;
  pendingLeft: MaterialRef[];
  receivedAt: Date;
  receivedBy: string;
}

export type OverduePendingRow = Pick<
  CaseRow,
  'case_no' | 'item_code' | 'item_name' | 'center_code' | 'accepted_at' | 'accepted_by' | 'pending_materials'
> & { pending_due_at: Date };

/**
 * intake.cases and what hangs off a case (its supplements). The applicant's ID number and phone and the delivery
 * contact (phone, address, postal address) are sealed with the personal-data key on write and opened on read: the
 * rows hold `v1.<kid>.…` values, callers see plaintext.
 */
@Injectable()
export class CaseRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly keyring: PiiKeyring,
  ) {}

  /** The case, or 404. `forUpdate` locks it for the rest of the transaction, so two clerks acting on it take turns. */
  async get(m: EntityManager, caseNo: string, opts: { forUpdate?: boolean } = {}): Promise<CaseRow> {
    const r = await queryOne<CaseRow>(m, `SELECT * FROM intake.cases WHERE case_no = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`, [caseNo]);
    if (!r) throw AppError.notFound(ErrorCodes.CASE_NOT_FOUND, `No case ${caseNo}`);
    return { ...r, applicant: openFields(this.keyring, r.applicant, APPLICANT_FIELDS), delivery: openFields(this.keyring, r.delivery, DELIVERY_CONTACT_FIELDS) };
  }

  /** The reply the case created by this request got, if one was. */
  async replyTo(requestId: string): Promise<AcceptCaseReply | undefined> {
    const row = await queryOne<{ reply: AcceptCaseReply }>(this.ds.manager, `SELECT reply FROM intake.cases WHERE request_id = $1`, [requestId]);
    return row?.reply;
  }

  async applicantIdNumber(caseNo: string): Promise<string | undefined> {
    const r = await queryOne<{ id_number: string }>(this.ds.manager, `SELECT applicant->>'idNumber' AS id_number FROM intake.cases WHERE case_no = $1`, [
      caseNo,
    ]);
    return this.keyring.openOptional(r?.id_number ?? undefined);
  }

  /** Fails on cases_request_id_key when the same request already created a case. */
  async add(m: EntityManager, c: NewCase): Promise<void> {
    await m.query(
      `INSERT INTO intake.cases (case_no, item_code, item_version, item_name, case_type, center_code, status, applicant, materials,
         form, delivery, accepted_at, accepted_by, promised_deadline, legal_deadline,
         pending_materials, pending_due_at, deciding_authority, immediate_decision, request_id, reply)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16::jsonb, $17, $18::jsonb, $19::jsonb,
               $20, $21::jsonb)`,
      [
        c.caseNo, c.itemCode, c.itemVersion, c.itemName, c.caseType, c.centerCode, c.status,
        JSON.stringify(sealFields(this.keyring, c.applicant as object, APPLICANT_FIELDS)), JSON.stringify(c.materials), JSON.stringify(c.form),
        JSON.stringify(sealFields(this.keyring, c.delivery as object, DELIVERY_CONTACT_FIELDS)),
        c.acceptedAt, c.acceptedBy, c.promisedDeadline, c.legalDeadline,
        JSON.stringify(c.pendingMaterials), c.pendingDueAt,
        c.decidingAuthority ? JSON.stringify(c.decidingAuthority) : null, c.immediateDecision ? JSON.stringify(c.immediateDecision) : null,
        c.requestId, JSON.stringify(c.reply),
      ],
    );
  }

  /** The materials as they stand after a supplement, and the supplement itself. */
  async recordSupplement(m: EntityManager, s: NewSupplement, caseMaterials: CaseRow['materials']): Promise<void> {
    await m.query(
      `UPDATE intake.cases SET pending_materials = $2::jsonb, materials = $3::jsonb, version = version + 1 WHERE case_no = $1`,
      [s.caseNo, JSON.stringify(s.pendingLeft), JSON.stringify(caseMaterials)],
    );
    await m.query(
      `INSERT INTO intake.supplements (id, case_no, materials, note, pending_left, received_at, received_by)
       VALUES ($1, $2, $3::jsonb, $4, $5::jsonb, $6, $7)`,
      [s.id, s.caseNo, JSON.stringify(s.materials), s.note, JSON.stringify(s.pendingLeft), s.receivedAt, s.receivedBy],
    );
  }

  /** Only an ACCEPTED case is withdrawn; undefined when it was not (any more). */
  async withdraw(m: EntityManager, caseNo: string, by: string, reason: string): Promise<{ withdrawn_at: Date } | undefined> {
    return queryOne<{ withdrawn_at: Date }>(
      m,
      `UPDATE intake.cases SET status = 'WITHDRAWN', withdrawn_at = now(), withdrawn_by = $2, withdraw_reason = $3, version = version + 1
        WHERE case_no = $1 AND status = 'ACCEPTED'
        RETURNING withdrawn_at`,
      [caseNo, by, reason],
    );
  }

  /** Moves the status to `to` only from one of `from`; otherwise nothing changes. */
  async moveStatus(m: EntityManager, caseNo: string, to: string, from: string[]): Promise<void> {
    await m.query(`UPDATE intake.cases SET status = $2, version = version + 1 WHERE case_no = $1 AND status = ANY($3)`, [caseNo, to, from]);
  }

  /** Tolerant acceptances past their due date with materials still owed, most overdue first. */
  overduePending(): Promise<OverduePendingRow[]> {
    return queryRows<OverduePendingRow>(
      this.ds.manager,
      `SELECT case_no, item_code, item_name, center_code, accepted_at, accepted_by, pending_due_at, pending_materials
         FROM intake.cases
        WHERE pending_due_at IS NOT NULL AND pending_materials <> '[]'::jsonb AND pending_due_at < now()
          AND status NOT IN ('WITHDRAWN', 'REJECTED')
        ORDER BY pending_due_at, case_no
        LIMIT 500`,
    );
  }
}
