import { Events, type TaskCancelledData } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryRows } from '#libs/persistence';

/**
 * Cancels every task of a case still open or paused, each with why, and tells the others. The status guard makes it
 * race-free against a chief representative deciding at the same moment: one of the two wins the row, and a
 * redelivered event finds nothing left to cancel.
 */
export async function cancelCaseTasks(tx: Tx, caseNo: string, reason: string): Promise<void> {
  const cancelled = await queryRows<{ id: string; stage: number; department: string }>(
    tx.manager,
    `UPDATE approval.review_tasks
        SET status = 'CANCELLED', cancel_reason = $2, version = version + 1
      WHERE case_no = $1 AND status IN ('OPEN', 'PAUSED')
      RETURNING id, stage, department`,
    [caseNo, reason],
  );
  for (const t of cancelled) {
    tx.emit<TaskCancelledData>(Events.TaskCancelled, caseNo, { taskId: t.id, stage: t.stage, department: t.department, reason });
  }
}
