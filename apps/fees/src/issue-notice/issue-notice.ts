import { Injectable } from '@nestjs/common';
import { Events, type FeeLine, type FeesSettledData, type NoticeIssuedData } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { queryOne, queryRows } from '#libs/persistence';
import { paymentNoticeNo } from './notice-number.js';

interface AssessmentRow {
  lines: FeeLine[];
  total_fen: string;
  approved_at: Date | null;
  withdrawn_at: Date | null;
}

/**
 * On approval the case's fees fall due: one PaymentNotice for everything owed, or settled at once when nothing is.
 * The assessment row is locked and stamped, so a duplicate or concurrent approval acts once.
 */
@Injectable()
export class IssueNotice {
  async execute(tx: Tx, caseNo: string): Promise<void> {
    const assessment = await queryOne<AssessmentRow>(
      tx.manager,
      `SELECT lines, total_fen, approved_at, withdrawn_at FROM fees.assessments WHERE case_no = $1 FOR UPDATE`,
      [caseNo],
    );
    // The acceptance event travels on another stream and may not be here yet; throwing makes the approval retry.
    if (!assessment) throw new Error(`no fee assessment for case ${caseNo} yet`);
    // Withdrawn (the withdrawal overtook the approval): nothing falls due.
    if (assessment.approved_at || assessment.withdrawn_at) return;
    await tx.manager.query(`UPDATE fees.assessments SET approved_at = now() WHERE case_no = $1`, [caseNo]);

    const total = Number(assessment.total_fen);
    if (total === 0) {
      tx.emit<FeesSettledData>(Events.FeesSettled, caseNo, { reason: 'NO_FEE', totalFen: 0 });
      return;
    }
    const seq = await queryOne<{ n: string }>(tx.manager, `SELECT nextval('fees.payment_notice_seq') AS n`);
    const noticeNo = paymentNoticeNo(new Date(), seq!.n);
    const inserted = await queryRows(
      tx.manager,
      `INSERT INTO fees.payment_notices (notice_no, case_no, items, total_fen, status)
       VALUES ($1, $2, $3::jsonb, $4, 'UNPAID') ON CONFLICT (case_no) DO NOTHING RETURNING notice_no`,
      [noticeNo, caseNo, JSON.stringify(assessment.lines), total],
    );
    if (inserted.length === 0) return;
    tx.emit<NoticeIssuedData>(Events.NoticeIssued, caseNo, { noticeNo, items: assessment.lines, totalFen: total });
  }
}
