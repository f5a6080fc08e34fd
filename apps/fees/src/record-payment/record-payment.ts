import { Injectable } from '@nestjs/common';
import { checkActorCommand, RecordPaymentSchema, type Command, type NoticeView, type RecordPaymentRequest } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { toNoticeView } from '../payment-notice/notice-view.js';
import { NoticeRepository } from '../payment-notice/notice.repository.js';
import { unpayableError, whyUnpayable } from '../payment-notice/payability.js';
import { SettleNotice } from '../payment-notice/settle-notice.js';

/** The finance window records that a notice was paid; clerks never handle the money, the system keeps the books. */
@Injectable()
export class RecordPayment {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly notices: NoticeRepository,
    private readonly settle: SettleNotice,
  ) {}

  async execute(cmd: Command<RecordPaymentRequest>, correlationId: string): Promise<NoticeView> {
    const req = checkActorCommand(RecordPaymentSchema, cmd, cmd?.data);
    const recordedBy = cmd.actor.id;
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      // Locked, so a second payment for the same notice waits and then finds it already paid.
      const notice = await this.notices.lock(tx.manager, req.noticeNo);
      const now = new Date();
      const why = whyUnpayable(notice, req.amountFen, now);
      if (why) throw unpayableError(why, req.noticeNo, notice, req.amountFen, now);
      const paid = await this.settle.applyPayment(tx, notice!, {
        amountFen: req.amountFen,
        channel: req.channel,
        reference: req.reference.trim(),
        source: 'WINDOW',
        paidAt: now,
        recordedBy,
      });
      return toNoticeView(paid, now);
    });
  }
}
