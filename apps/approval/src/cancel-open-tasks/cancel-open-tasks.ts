import { Injectable } from '@nestjs/common';
import { Events, type CaseRejectedData, type EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryRows } from '#libs/persistence';
import { cancelReason } from './cancel-reason.js';

/**
 * A rejected case leaves no task dangling: the tasks still open are cancelled, each with why. The status guard
 * makes it race-free against a chief representative deciding at the same moment: one of the two wins the row.
 */
@Injectable()
export class CancelOpenTasks {
  async run(e: EventEnvelope<CaseRejectedData>, tx: Tx): Promise<void> {
    const reason = cancelReason(e.data.department, e.data.stage);
    const cancelled = await queryRows<{ id: string; stage: number; department: string }>(
      tx.manager,
      `UPDATE approval.review_tasks
          SET status = 'CANCELLED', cancel_reason = $2, version = version + 1
        WHERE case_no = $1 AND status IN ('OPEN', 'PAUSED')
        RETURNING id, stage, department`,
      [e.caseNo, reason],
    );
    for (const t of cancelled) {
      tx.emit(Events.TaskCancelled, e.caseNo, { taskId: t.id, stage: t.stage, department: t.department, reason });
    }
  }
}
