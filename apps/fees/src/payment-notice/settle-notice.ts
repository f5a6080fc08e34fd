import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, Events } from '#libs/contracts';
import { newId, type Tx } from '#libs/messaging';
import { isUniqueViolation } from '#libs/persistence';
import { splitOf } from './notice-view.js';
import { NoticeRepository, type NoticeRow } from './notice.repository.js';
import { PaymentRepository } from './payment.repository.js';

export interface Payment {
  amountFen: number;
  channel: string;
  reference: string;
  source: 'WINDOW' | 'CALLBACK';
  paidAt: Date;
  recordedBy: string;
}

/**
 * The domain steps of money arriving, whoever reports it: an owed payment settles the notice and releases the case
 * (FeesSettled, once: the notice's state guard allows one UNPAID → PAID); money for a notice already paid is kept as
 * a double payment, to be refunded.
 */
@Injectable()
export class SettleNotice {
  constructor(
    private readonly notices: NoticeRepository,
    private readonly payments: PaymentRepository,
  ) {}

  async applyPayment(tx: Tx, notice: NoticeRow, p: Payment): Promise<NoticeRow> {
    await this.insert(tx, notice, p, true);
    const paid = await this.notices.markPaid(tx.manager, notice.notice_no, p.amountFen, p.paidAt, notice.version);
    if (!paid) throw AppError.conflict(ErrorCodes.CONCURRENT_UPDATE, `Payment notice ${notice.notice_no} changed meanwhile; look again.`);
    this.emitPayment(tx, paid, p, true);
    tx.emit(Events.FeesSettled, paid.case_no, { reason: 'PAID', noticeNo: paid.notice_no, totalFen: Number(paid.total_fen) });
    return paid;
  }

  async keepDoublePayment(tx: Tx, notice: NoticeRow, p: Payment): Promise<void> {
    await this.insert(tx, notice, p, false);
    this.emitPayment(tx, notice, p, false);
  }

  private emitPayment(tx: Tx, notice: NoticeRow, p: Payment, applied: boolean): void {
    tx.emit(Events.PaymentRecorded, notice.case_no, {
      noticeNo: notice.notice_no,
      amountFen: p.amountFen,
      channel: p.channel,
      reference: p.reference,
      source: p.source,
      applied,
      paidAt: p.paidAt.toISOString(),
    });
  }

  /** A reference is recorded once; two clerks racing with the same one meet at the unique index. */
  private async insert(tx: Tx, notice: NoticeRow, p: Payment, applied: boolean): Promise<void> {
    const duplicate = () =>
      AppError.conflict(ErrorCodes.PAYMENT_DUPLICATE_REFERENCE, `Payment reference ${p.reference} is already recorded.`, { reference: p.reference });
    if (await this.payments.hasReference(tx.manager, p.reference)) throw duplicate();
    try {
      await this.payments.add(tx.manager, {
        id: newId(),
        noticeNo: notice.notice_no,
        amountFen: p.amountFen,
        channel: p.channel,
        reference: p.reference,
        recordedBy: p.recordedBy,
        source: p.source,
        paidAt: p.paidAt,
        applied,
        split: applied ? splitOf(notice.items).map((d) => ({ department: d.department, amountFen: d.amountFen })) : [],
      });
    } catch (e) {
      if (isUniqueViolation(e, 'payments_reference_key')) throw duplicate();
      throw e;
    }
  }
}
