import { Injectable } from '@nestjs/common';
import type { CaseRejectedData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { CancelCaseTasks } from '../review-task/cancel-case-tasks.js';
import { cancelReason } from './cancel-reason.js';

/** A rejected case leaves no task dangling. */
@Injectable()
export class CancelOpenTasks {
  constructor(private readonly cancelCaseTasks: CancelCaseTasks) {}

  execute(tx: Tx, e: EventEnvelope<CaseRejectedData>): Promise<void> {
    return this.cancelCaseTasks.cancel(tx, e.caseNo, cancelReason(e.data.department, e.data.stage));
  }
}
