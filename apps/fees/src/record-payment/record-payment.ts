import { Injectable } from '@nestjs/common';
import {
  AppError,
  ErrorCodes,
  Events,
  type Command,
  type FeesSettledData,
  type NoticeView,
  type PaymentRecordedData,
  type RecordPaymentRequest,
} from '#libs/contracts';
import { newId, UnitOfWork, type Tx } from '#libs/messaging';
import { isUniqueViolation, queryOne, queryRows } from '#libs/persistence';
import { NOTICE_COLUMNS, outstandingFen, toNoticeView, type NoticeRow } from '../payment-notice/notice-view.js';
import { amountProblem, paymentRequestProblems } from './payment-checks.js';

/** The finance window records that a notice was paid; clerks never handle the money, the system keeps the books. */
@Injectable()
export class RecordPayment {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(cmd: Command<RecordPaymentRequest>, correlationId: string): Promise<NoticeView> {
    const problems = paymentRequestProblems(cmd?.data);
    if (!cmd?.actor?.id) problems.push({ field: 'actor', rule: 'required', message: 'the acting user is required' });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    const req = { ...cmd.data, noticeNo: cmd.data.noticeNo.trim(), channel: cmd.data.channel.trim(), reference: cmd.data.reference.trim() };
    return this.uow.run({ actor: cmd.actor, correlationId }, (tx) => this.pay(tx, req, cmd.actor.id));
  }

  private async pay(tx: Tx, req: RecordPaymentRequest, recordedBy: string): Promise<NoticeView> {
    // Locked, so a second payment for the same notice waits and then finds it already paid.
    const notice = await queryOne<NoticeRow>(
      tx.manager,
      `SELECT ${NOTICE_COLUMNS} FROM fees.payment_notices WHERE notice_no = $1 FOR UPDATE`,
      [req.noticeNo],
    );
    if (!notice) throw AppError.notFound(ErrorCodes.NOTICE_NOT_FOUND, `Payment notice ${req.noticeNo} does not exist.`);
    if (notice.status !== 'UNPAID') {
      throw AppError.conflict(ErrorCodes.NOTICE_NOT_PAYABLE, `Payment notice ${req.noticeNo} is ${notice.status} and cannot be paid.`, { status: notice.status });
    }
    const mismatch = amountProblem(req.amountFen, outstandingFen(notice));
    if (mismatch) throw AppError.invalid(ErrorCodes.PAYMENT_AMOUNT_MISMATCH, [mismatch], 'The amount is not what the notice asks for.');

    await this.insertPayment(tx, req, recordedBy);
    const [paid] = await queryRows<NoticeRow>(
      tx.manager,
      `UPDATE fees.payment_notices
          SET paid_fen = paid_fen + $2, status = 'PAID', paid_at = now(), version = version + 1
        WHERE notice_no = $1 AND status = 'UNPAID' AND version = $3
        RETURNING ${NOTICE_COLUMNS}`,
      [req.noticeNo, req.amountFen, notice.version],
    );
    if (!paid) throw AppError.conflict(ErrorCodes.CONCURRENT_UPDATE, `Payment notice ${req.noticeNo} changed meanwhile; look again.`);

    tx.emit<PaymentRecordedData>(Events.PaymentRecorded, paid.case_no, {
      noticeNo: req.noticeNo,
      amountFen: req.amountFen,
      channel: req.channel,
      reference: req.reference,
    });
    tx.emit<FeesSettledData>(Events.FeesSettled, paid.case_no, { reason: 'PAID', noticeNo: req.noticeNo, totalFen: Number(paid.total_fen) });
    return toNoticeView(paid);
  }

  /** A bank reference is recorded once; two clerks racing with the same one meet at the unique index. */
  private async insertPayment(tx: Tx, req: RecordPaymentRequest, recordedBy: string): Promise<void> {
    const duplicate = () =>
      AppError.conflict(ErrorCodes.PAYMENT_DUPLICATE_REFERENCE, `Payment reference ${req.reference} is already recorded.`, { reference: req.reference });
    const seen = await queryOne(tx.manager, `SELECT 1 FROM fees.payments WHERE reference = $1`, [req.reference]);
    if (seen) throw duplicate();
    try {
      await tx.manager.query(
        `INSERT INTO fees.payments (id, notice_no, amount_fen, channel, reference, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`,
        [newId(), req.noticeNo, req.amountFen, req.channel, req.reference, recordedBy],
      );
    } catch (e) {
      if (isUniqueViolation(e, 'payments_reference_key')) throw duplicate();
      throw e;
    }
  }
}
