import { Injectable } from '@nestjs/common';
import { Events, type CaseWithdrawnData, type EventEnvelope, type TaskCancelledData } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryRows } from '#libs/persistence';
import { lockCaseTasks, withdrawnReason } from './withdrawn-cases.js';

/**
 * The applicant withdrew the case: every task still open is cancelled, each with why, and the case is remembered as
 * withdrawn so a stage opening later gets no tasks. The status guard makes it race-free against a representative
 * deciding at the same moment (one of the two wins the row); a redelivered withdrawal finds nothing left to cancel.
 */
@Injectable()
export class CancelWithdrawnTasks {
  async run(e: EventEnvelope<CaseWithdrawnData>, tx: Tx): Promise<void> {
    await lockCaseTasks(tx.manager, e.caseNo);
    await tx.manager.query(`INSERT INTO approval.withdrawn_cases (case_no, reason) VALUES ($1, $2) ON CONFLICT (case_no) DO NOTHING`, [
      e.caseNo,
      e.data.reason,
    ]);
    const reason = withdrawnReason(e.data.reason);
    const cancelled = await queryRows<{ id: string; stage: number; department: string }>(
      tx.manager,
      `UPDATE approval.review_tasks
          SET status = 'CANCELLED', cancel_reason = $2, version = version + 1
        WHERE case_no = $1 AND status IN ('OPEN', 'PAUSED')
        RETURNING id, stage, department`,
      [e.caseNo, reason],
    );
    for (const t of cancelled) {
      tx.emit<TaskCancelledData>(Events.TaskCancelled, e.caseNo, { taskId: t.id, stage: t.stage, department: t.department, reason });
    }
  }
}
