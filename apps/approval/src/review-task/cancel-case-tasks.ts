import { Injectable } from '@nestjs/common';
import { Events } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { ReviewTaskRepository } from './review-task.repository.js';

/**
 * Cancels every task of a case still open or paused, each with why, and tells the others. The status guard makes it
 * race-free against a chief representative deciding at the same moment: one of the two wins the row, and a
 * redelivered event finds nothing left to cancel.
 */
@Injectable()
export class CancelCaseTasks {
  constructor(private readonly tasks: ReviewTaskRepository) {}

  async cancel(tx: Tx, caseNo: string, reason: string): Promise<void> {
    const cancelled = await this.tasks.cancelUndecided(tx.manager, caseNo, reason);
    for (const t of cancelled) {
      tx.emit(Events.TaskCancelled, caseNo, { taskId: t.id, stage: t.stage, department: t.department, reason });
    }
  }
}
