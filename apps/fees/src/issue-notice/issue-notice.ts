import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { Events, type NoticeLineView } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { AssessmentRepository, type AssessmentRow } from '../assessment/assessment.repository.js';
import { PayeeRepository } from '../payee/payee.repository.js';
import { noticeExpiresAt } from '../payment-notice/notice-expiry.js';
import { paymentNoticeNo } from '../payment-notice/notice-number.js';
import { NoticeRepository } from '../payment-notice/notice.repository.js';

/**
 * On approval the case's fees fall due: one PaymentNotice for everything owed, or settled at once when nothing is.
 * The assessment row is locked and stamped, so a duplicate or concurrent approval acts once. Each line carries the
 * collecting department's payee account as it is today, so a later change of account does not rewrite a notice.
 */
@Injectable()
export class IssueNotice {
  constructor(
    private readonly assessments: AssessmentRepository,
    private readonly notices: NoticeRepository,
    private readonly payees: PayeeRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
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
    const now = new Date();
    const noticeNo = await this.nextNoticeNo(tx.manager, now);
    const expiresAt = await this.expiryFor(tx.manager, assessment.center_code, now);
    const items = await this.withPayees(tx.manager, assessment);
    if (!(await this.notices.issue(tx.manager, { noticeNo, caseNo, items, totalFen: total, expiresAt, centerCode: assessment.center_code }))) return;
    tx.emit(Events.NoticeIssued, caseNo, { noticeNo, items: assessment.lines, totalFen: total, expiresAt: expiresAt.toISOString() });
  }

  async nextNoticeNo(m: EntityManager, now: Date): Promise<string> {
    return paymentNoticeNo(now, await this.notices.nextSeq(m));
  }

  /** The center's own validity when it set one, else NOTICE_VALIDITY_DAYS. */
  async expiryFor(m: EntityManager, centerCode: string | null, now: Date): Promise<Date> {
    const days = (await this.payees.validityDaysOf(m, centerCode)) ?? this.config.noticeValidityDays;
    return noticeExpiresAt(now, days);
  }

  private async withPayees(m: EntityManager, a: AssessmentRow): Promise<NoticeLineView[]> {
    const payees = await this.payees.ofDepartments(m, [...new Set(a.lines.map((l) => l.department))]);
    return a.lines.map((line) => {
      const p = payees.get(line.department);
      return p ? { ...line, departmentName: p.departmentName, payee: { accountName: p.accountName, bank: p.bank, accountNo: p.accountNo } } : { ...line };
    });
  }
}
