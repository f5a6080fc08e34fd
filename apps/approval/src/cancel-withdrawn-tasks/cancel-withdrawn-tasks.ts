import { Injectable } from '@nestjs/common';
import type { CaseWithdrawnData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { CancelCaseTasks } from '../review-task/cancel-case-tasks.js';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { WithdrawnCaseRepository } from './withdrawn-case.repository.js';
import { withdrawnReason } from './withdrawn-reason.js';

/**
 * The applicant withdrew the case: every task still open is cancelled, and the case is remembered as withdrawn so a
 * stage opening later gets no tasks.
 */
@Injectable()
export class CancelWithdrawnTasks {
  constructor(
    private readonly tasks: ReviewTaskRepository,
    private readonly withdrawnCases: WithdrawnCaseRepository,
    private readonly cancelCaseTasks: CancelCaseTasks,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseWithdrawnData>): Promise<void> {
    await this.tasks.lockCase(tx.manager, e.caseNo);
    await this.withdrawnCases.add(tx.manager, e.caseNo, e.data.reason);
    await this.cancelCaseTasks.cancel(tx, e.caseNo, withdrawnReason(e.data.reason));
  }
}
