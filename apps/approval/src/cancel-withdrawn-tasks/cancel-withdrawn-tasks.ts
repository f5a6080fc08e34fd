import { Injectable } from '@nestjs/common';
import type { CaseWithdrawnData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { cancelCaseTasks } from '../tasks/cancel-case-tasks.js';
import { lockCaseTasks, withdrawnReason } from './withdrawn-cases.js';

/**
 * The applicant withdrew the case: every task still open is cancelled, and the case is remembered as withdrawn so a
 * stage opening later gets no tasks.
 */
@Injectable()
export class CancelWithdrawnTasks {
  async run(e: EventEnvelope<CaseWithdrawnData>, tx: Tx): Promise<void> {
    await lockCaseTasks(tx.manager, e.caseNo);
    await tx.manager.query(`INSERT INTO approval.withdrawn_cases (case_no, reason) VALUES ($1, $2) ON CONFLICT (case_no) DO NOTHING`, [
      e.caseNo,
      e.data.reason,
    ]);
    await cancelCaseTasks(tx, e.caseNo, withdrawnReason(e.data.reason));
  }
}
