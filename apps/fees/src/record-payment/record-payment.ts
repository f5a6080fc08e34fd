import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, Events, type Command, type NoticeView, type RecordPaymentRequest } from '#libs/contracts';
import { newId, UnitOfWork, type Tx } from '#libs/messaging';
import { isUniqueViolation } from '#libs/persistence';
import { outstandingFen, toNoticeView } from '../payment-notice/notice-view.js';
import { NoticeRepository } from '../payment-notice/notice.repository.js';
import { amountProblem, paymentRequestProblems } from './payment-checks.js';

/** The finance window records that a notice was paid; clerks never handle the money, the system keeps the books. */
@Injectable()
export class RecordPayment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notices: NoticeRepository,
  ) {}

  async execute(cmd: Command<RecordPaymentRequest>, correlationId: string): Promise<NoticeView> {
    const problems = paymentRequestProblems(cmd?.data);
    if (!cmd?.actor?.id) problems.push({ field: 'actor', rule: 'required', message: 'the acting user is required' });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    const req = { ...cmd.data, noticeNo: cmd.data.noticeNo.trim(), channel: cmd.data.channel.trim(), reference: cmd.data.reference.trim() };
    return this.uow.run({ actor: cmd.actor, correlationId }, (tx) => this.pay(tx, req, cmd.actor.id));
  }

  private async pay(tx: Tx, req: RecordPaymentRequest, recordedBy: string): Promise<NoticeView> {
    // Locked, so a second payment for the same notice waits and then finds it already paid.
    const notice = await this.notices.lock(tx.manager, req.noticeNo);
    if (!notice) throw AppError.notFound(ErrorCodes.NOTICE_NOT_FOUND, `Payment notice ${req.noticeNo} does not exist.`);
    if (notice.status !== 'UNPAID') {
      throw AppError.conflict(ErrorCodes.NOTICE_NOT_PAYABLE, `Payment notice ${req.noticeNo} is ${notice.status} and cannot be paid.`, { status: notice.status });
    }
    const mismatch = amountProblem(req.amountFen, outstandingFen(notice));
    if (mismatch) throw AppError.invalid(ErrorCodes.PAYMENT_AMOUNT_MISMATCH, [mismatch], 'The amount is not what the notice asks for.');

    await this.insertPayment(tx, req, recordedBy);
    const paid = await this.notices.markPaid(tx.manager, req.noticeNo, req.amountFen, notice.version);
    if (!paid) throw AppError.conflict(ErrorCodes.CONCURRENT_UPDATE, `Payment notice ${req.noticeNo} changed meanwhile; look again.`);

    tx.emit(Events.PaymentRecorded, paid.case_no, {
      noticeNo: req.noticeNo,
      amountFen: req.amountFen,
      channel: req.channel,
      reference: req.reference,
    });
    tx.emit(Events.FeesSettled, paid.case_no, { reason: 'PAID', noticeNo: req.noticeNo, totalFen: Number(paid.total_fen) });
    return toNoticeView(paid);
  }

  /** A bank reference is recorded once; two clerks racing with the same one meet at the unique index. */
  private async insertPayment(tx: Tx, req: RecordPaymentRequest, recordedBy: string): Promise<void> {
    const duplicate = () =>
      AppError.conflict(ErrorCodes.PAYMENT_DUPLICATE_REFERENCE, `Payment reference ${req.reference} is already recorded.`, { reference: req.reference });
    if (await this.notices.hasPaymentWithReference(tx.manager, req.reference)) throw duplicate();
    try {
      await this.notices.addPayment(tx.manager, {
        id: newId(),
        noticeNo: req.noticeNo,
        amountFen: req.amountFen,
        channel: req.channel,
        reference: req.reference,
        recordedBy,
      });
    } catch (e) {
      if (isUniqueViolation(e, 'payments_reference_key')) throw duplicate();
      throw e;
    }
  }
}
