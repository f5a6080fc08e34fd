import { Injectable } from '@nestjs/common';
import { AppError, checkActorCommand, ErrorCodes, Events, RefundSchema, type Command, type NoticeView, type RefundRequest } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { refundNo } from '../payment-notice/notice-number.js';
import { isWithdrawnAfterPayment, splitOf, toNoticeView } from '../payment-notice/notice-view.js';
import { NoticeRepository, type NoticeRow } from '../payment-notice/notice.repository.js';
import { PaymentRepository, type PaymentRow } from '../payment-notice/payment.repository.js';
import { RefundRepository, type RefundRow } from '../payment-notice/refund.repository.js';
import { isRefusal, planRefund, refundableFen, type RefundableState } from './refund-rules.js';

/**
 * FINANCE returns money (退费): a double payment, or what a withdrawn case paid, in one or more parts, never more
 * than was paid minus what was returned. A withdrawn case's notice stays REFUND_DUE until everything is returned,
 * then REFUNDED. Each refund has its number and channel and goes on the case's timeline.
 */
@Injectable()
export class RefundPayment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notices: NoticeRepository,
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
  ) {}

  async execute(cmd: Command<RefundRequest>, correlationId: string): Promise<NoticeView> {
    const req = checkActorCommand(RefundSchema, cmd, cmd?.data);
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const notice = await this.notices.lock(tx.manager, req.noticeNo);
      if (!notice) throw AppError.notFound(ErrorCodes.NOTICE_NOT_FOUND, `Payment notice ${req.noticeNo} does not exist.`);
      const paid = await this.payments.ofNotice(tx.manager, notice.notice_no);
      const earlier = await this.refunds.ofNotice(tx.manager, notice.notice_no);
      const state = refundableState(notice, paid, earlier);
      const plan = planRefund(state, req.amountFen, splitOf(notice.items), refundedByDepartment(earlier), req.department);
      if (isRefusal(plan)) {
        throw AppError.invalid(ErrorCodes.REFUND_NOT_ALLOWED, [{ field: plan.rule === 'unknownDepartment' ? 'department' : 'amountFen', rule: plan.rule, message: plan.message }], `The refund cannot be made: ${plan.message}.`);
      }
      const no = refundNo(new Date(), await this.refunds.nextSeq(tx.manager));
      const channel = req.channel ?? plan.channel ?? 'BANK_TRANSFER';
      const reason = req.reason.trim();
      await this.refunds.add(tx.manager, {
        refundNo: no,
        noticeNo: notice.notice_no,
        caseNo: notice.case_no,
        paymentId: plan.kind === 'DOUBLE_PAYMENT' ? plan.paymentId : null,
        amountFen: req.amountFen,
        channel,
        reason,
        split: plan.split,
        refundedBy: cmd.actor.id,
      });
      const remaining = refundableFen(state) - req.amountFen;
      const status = isWithdrawnAfterPayment(notice) ? (remaining === 0 ? 'REFUNDED' : 'REFUND_DUE') : notice.status;
      await this.notices.addRefunded(tx.manager, notice.notice_no, req.amountFen, status);
      tx.emit(Events.RefundRecorded, notice.case_no, { refundNo: no, noticeNo: notice.notice_no, amountFen: req.amountFen, channel, reason, remainingFen: remaining, noticeStatus: status });
      const after = (await this.notices.lock(tx.manager, notice.notice_no))!;
      return toNoticeView(after, new Date(), {
        payments: await this.payments.ofNotice(tx.manager, notice.notice_no),
        refunds: await this.refunds.ofNotice(tx.manager, notice.notice_no),
      });
    });
  }
}

function refundableState(notice: NoticeRow, paid: PaymentRow[], refunds: RefundRow[]): RefundableState {
  const applied = paid.filter((p) => p.applied);
  return {
    withdrawn: isWithdrawnAfterPayment(notice),
    appliedPaidFen: Number(notice.paid_fen),
    appliedRefundedFen: refunds.filter((r) => !r.payment_id).reduce((s, r) => s + Number(r.amount_fen), 0),
    doublePayments: paid.filter((p) => !p.applied).map((p) => ({ id: p.id, channel: p.channel, amountFen: Number(p.amount_fen), refundedFen: Number(p.refunded_fen) })),
    appliedChannel: applied[0]?.channel,
  };
}

function refundedByDepartment(refunds: RefundRow[]): Map<string, number> {
  const by = new Map<string, number>();
  for (const r of refunds) for (const d of r.split) by.set(d.department, (by.get(d.department) ?? 0) + d.amountFen);
  return by;
}
