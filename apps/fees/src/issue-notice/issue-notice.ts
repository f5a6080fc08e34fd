import { Injectable } from '@nestjs/common';
import { Events } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { AssessmentRepository } from '../assessment/assessment.repository.js';
import { NoticeRepository } from '../payment-notice/notice.repository.js';
import { paymentNoticeNo } from './notice-number.js';

/**
 * On approval the case's fees fall due: one PaymentNotice for everything owed, or settled at once when nothing is.
 * The assessment row is locked and stamped, so a duplicate or concurrent approval acts once.
 */
@Injectable()
export class IssueNotice {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly notices: NoticeRepository,
  ) {}

  async execute(tx: Tx, caseNo: string): Promise<void> {
    const assessment = await this.assessments.lockAndRead(tx.manager, caseNo);
    // The acceptance event travels on another stream and may not be here yet; throwing makes the approval retry.
    if (!assessment) throw new Error(`no fee assessment for case ${caseNo} yet`);
    // Withdrawn (the withdrawal overtook the approval): nothing falls due.
    if (assessment.approved_at || assessment.withdrawn_at) return;
    await this.assessments.markApproved(tx.manager, caseNo);

    const total = Number(assessment.total_fen);
    if (total === 0) {
      tx.emit(Events.FeesSettled, caseNo, { reason: 'NO_FEE', totalFen: 0 });
      return;
    }
    const noticeNo = paymentNoticeNo(new Date(), await this.notices.nextSeq(tx.manager));
    if (!(await this.notices.issue(tx.manager, noticeNo, caseNo, assessment.lines, total))) return;
    tx.emit(Events.NoticeIssued, caseNo, { noticeNo, items: assessment.lines, totalFen: total });
  }
}
