import { Injectable } from '@nestjs/common';
import type { CaseWithdrawnData, EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { AssessmentRepository } from '../assessment/assessment.repository.js';
import { NoticeRepository } from '../payment-notice/notice.repository.js';

/**
 * The applicant withdrew the case. Its assessment is marked, so a later approval issues no notice; an UNPAID notice
 * is voided (no longer payable) and a PAID one becomes REFUND_DUE, which is the record that the money is owed back.
 * The assessment row is locked first, as IssueNotice does, so a concurrent approval and withdrawal act in turn.
 */
@Injectable()
export class SettleWithdrawn {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly notices: NoticeRepository,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseWithdrawnData>): Promise<void> {
    // The acceptance event travels on the same stream but another consumer; throwing has the withdrawal retried.
    if (!(await this.assessments.lock(tx.manager, e.caseNo))) throw new Error(`no fee assessment for case ${e.caseNo} yet`);
    await this.assessments.markWithdrawn(tx.manager, e.caseNo, e.occurredAt);
    await this.notices.closeForWithdrawal(tx.manager, e.caseNo, `withdrawn: ${e.data.reason}`);
  }
}
