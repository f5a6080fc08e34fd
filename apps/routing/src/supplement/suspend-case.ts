import { CaseStatus, Events, type EventEnvelope, type MaterialRef, type TaskDecidedData } from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { queryOne } from '#libs/persistence';
import { pauseClocks } from '../clock/clock-store.js';
import { emitOnTimeline } from '../timeline/timeline-writer.js';
import type { WorkflowRow } from '../workflow/workflow-store.js';
import { moveStatus } from '../workflow/workflow-transitions.js';
import { mergeRequested } from './supplement-match.js';

export interface SuspensionRow {
  id: string;
  case_no: string;
  started_at: Date;
  ended_at: Date | null;
  reason: string;
  requested: MaterialRef[];
  supplied: MaterialRef[];
  task_id: string;
  department: string;
  stage: number;
  suspended_working_days: number | null;
  end_reason: string | null;
}

export async function lockOpenSuspension(tx: Tx, caseNo: string): Promise<SuspensionRow | undefined> {
  return queryOne<SuspensionRow>(tx.manager, `SELECT * FROM routing.suspensions WHERE case_no = $1 AND ended_at IS NULL FOR UPDATE`, [caseNo]);
}

/**
 * 补正: a department asked the applicant for materials. The case's clock stops from the moment it asked: the case
 * is SUSPENDED, a suspension is recorded and every running clock of the case pauses; approval pauses the other
 * open tasks when it hears CaseSuspended. A second department asking while the case already waits joins the same
 * suspension: its materials are added to what the applicant must bring, and it too gets a CaseSuspended.
 * The caller holds the workflow's lock and has checked the case is under review at this stage.
 */
export async function suspendCase(tx: Tx, wf: WorkflowRow, e: EventEnvelope<TaskDecidedData>): Promise<void> {
  const d = e.data;
  const requested = d.requested ?? [];
  const open = await lockOpenSuspension(tx, wf.case_no);
  let suspensionId: string;
  if (open) {
    suspensionId = open.id;
    await tx.manager.query(`UPDATE routing.suspensions SET requested = $2::jsonb WHERE id = $1`, [
      open.id,
      JSON.stringify(mergeRequested(open.requested, requested)),
    ]);
  } else {
    suspensionId = newId();
    await tx.manager.query(
      `INSERT INTO routing.suspensions (id, case_no, started_at, reason, requested, task_id, department, stage)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
      [suspensionId, wf.case_no, e.occurredAt, d.opinion ?? '', JSON.stringify(requested), d.taskId, d.department, d.stage],
    );
    await moveStatus(tx, wf, CaseStatus.SUSPENDED);
  }
  await pauseClocks(tx.manager, wf.case_no);
  await emitOnTimeline(tx, Events.CaseSuspended, wf.case_no, {
    taskId: d.taskId,
    stage: d.stage,
    department: d.department,
    requested,
    reason: d.opinion ?? '',
    suspensionId,
  });
}
