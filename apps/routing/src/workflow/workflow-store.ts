import type { EntityManager } from 'typeorm';
import type { CaseStatus, ReviewStage } from '#libs/contracts';
import { queryOne } from '#libs/persistence';

export interface WorkflowRow {
  case_no: string;
  item_code: string;
  item_name: string;
  plan: ReviewStage[];
  current_stage: number;
  status: CaseStatus;
  accepted_at: Date;
  promised_deadline: Date;
  legal_deadline: Date;
  /** Set by the clock (#4) when a deadline leans on a year without an official schedule. */
  deadline_estimated?: boolean;
  estimated_years?: number[];
  joint_site_survey: boolean;
  version: number;
  updated_at: Date;
}

export async function findWorkflow(m: EntityManager, caseNo: string): Promise<WorkflowRow | undefined> {
  return queryOne<WorkflowRow>(m, `SELECT * FROM routing.workflows WHERE case_no = $1`, [caseNo]);
}

/**
 * Locks the case's workflow for the rest of the transaction, so concurrent events on one case decide in turn.
 * A missing workflow means its CaseAccepted has not been handled yet: throwing has the event retried later.
 */
export async function lockWorkflow(m: EntityManager, caseNo: string): Promise<WorkflowRow> {
  const row = await queryOne<WorkflowRow>(m, `SELECT * FROM routing.workflows WHERE case_no = $1 FOR UPDATE`, [caseNo]);
  if (!row) throw new Error(`no workflow for case ${caseNo} yet`);
  return row;
}

export async function updateWorkflow(
  m: EntityManager,
  caseNo: string,
  change: { status: CaseStatus; currentStage?: number },
): Promise<void> {
  await m.query(
    `UPDATE routing.workflows
        SET status = $2, current_stage = COALESCE($3, current_stage), version = version + 1, updated_at = now()
      WHERE case_no = $1`,
    [caseNo, change.status, change.currentStage ?? null],
  );
}
