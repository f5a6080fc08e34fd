import { Injectable } from '@nestjs/common';
import type { NoticeView } from '#libs/contracts';
import { toNoticeView } from '../payment-notice/notice-view.js';
import type { NoticeRow } from '../payment-notice/notice.repository.js';
import { PaymentRepository } from '../payment-notice/payment.repository.js';
import { RefundRepository } from '../payment-notice/refund.repository.js';

/** A notice as one notice is shown: with every payment and refund on it. */
@Injectable()
export class NoticeDetail {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly refunds: RefundRepository,
  ) {}

  async of(row: NoticeRow): Promise<NoticeView> {
    const [payments, refunds] = await Promise.all([this.payments.ofNotice(undefined, row.notice_no), this.refunds.ofNotice(undefined, row.notice_no)]);
    return toNoticeView(row, new Date(), { payments, refunds });
  }
}
