import { Injectable } from '@nestjs/common';
import {
  AppError,
  BankCallbackSchema,
  checkCommand,
  type BankCallbackOutcome,
  type BankCallbackReply,
  type BankCallbackRequest,
} from '#libs/contracts';
import { UnitOfWork, type Tx } from '#libs/messaging';
import { toNoticeView } from '../payment-notice/notice-view.js';
import { NoticeRepository, type NoticeRow } from '../payment-notice/notice.repository.js';
import { unpayableError, whyUnpayable, type Unpayable } from '../payment-notice/payability.js';
import { SettleNotice } from '../payment-notice/settle-notice.js';
import { BankCallbackRepository } from './bank-callback.repository.js';

const OUTCOME: Record<Unpayable, BankCallbackOutcome> = {
  UNKNOWN_NOTICE: 'UNKNOWN_NOTICE',
  ALREADY_PAID: 'DOUBLE_PAYMENT',
  NOT_PAYABLE: 'NOT_PAYABLE',
  EXPIRED: 'EXPIRED',
  AMOUNT_MISMATCH: 'AMOUNT_MISMATCH',
};

/**
 * A bank or online channel reports a payment (the gateway checked its signature). Banks retry, so the answer is kept
 * with the bank's reference and a retry gets it again, never a second payment. What cannot be applied is answered
 * 4xx and kept as an exception for the day's reconciliation: an unknown, void or expired notice or a wrong amount is
 * refused (the bank reverses its collection, nothing enters the books); money for a notice already paid is kept as a
 * double payment, because it must be refunded, not lost.
 */
@Injectable()
export class BankCallback {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notices: NoticeRepository,
    private readonly callbacks: BankCallbackRepository,
    private readonly settle: SettleNotice,
  ) {}

  async execute(request: BankCallbackRequest, correlationId: string): Promise<BankCallbackReply> {
    const req = checkCommand(BankCallbackSchema, request);
    const actor = { id: `bank:${req.channel}`, role: 'SYSTEM' as const };
    return this.uow.run({ actor, correlationId }, async (tx) => {
      // The notice first, so a retry racing the first delivery waits for it and then finds its answer.
      const notice = await this.notices.lock(tx.manager, req.noticeNo);
      const earlier = await this.callbacks.answerTo(tx.manager, req.bankReference);
      if (earlier) return earlier;
      const reply = await this.apply(tx, req, notice, actor.id);
      if (!(await this.callbacks.record(tx.manager, req, new Date(req.paidAt), reply))) {
        // A concurrent retry for an unknown notice (no row to lock) got there first: its answer is the answer.
        return (await this.callbacks.answerTo(tx.manager, req.bankReference))!;
      }
      return reply;
    });
  }

  private async apply(tx: Tx, req: BankCallbackRequest, notice: NoticeRow | undefined, recordedBy: string): Promise<BankCallbackReply> {
    const now = new Date();
    const payment = { amountFen: req.amountFen, channel: req.channel, reference: req.bankReference, source: 'CALLBACK' as const, paidAt: new Date(req.paidAt), recordedBy };
    const why = whyUnpayable(notice, req.amountFen, now);
    if (!why) {
      const paid = await this.settle.applyPayment(tx, notice!, payment);
      return { status: 200, body: { outcome: 'PAID', noticeNo: req.noticeNo, bankReference: req.bankReference, notice: toNoticeView(paid, now) } };
    }
    if (why === 'ALREADY_PAID') await this.settle.keepDoublePayment(tx, notice!, payment);
    const error: AppError = unpayableError(why, req.noticeNo, notice, req.amountFen, now);
    return { status: error.status, body: { outcome: OUTCOME[why], noticeNo: req.noticeNo, bankReference: req.bankReference, code: error.code, message: error.message } };
  }
}
