import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, type NoticeView } from '#libs/contracts';
import { toNoticeView } from '../payment-notice/notice-view.js';
import { NoticeRepository } from '../payment-notice/notice.repository.js';

const STATUSES: readonly NoticeView['status'][] = ['UNPAID', 'PAID', 'VOID', 'REFUND_DUE', 'REFUNDED'];

/** What the finance window and the case page read about payment notices. */
@Injectable()
export class QueryNotices {
  constructor(private readonly notices: NoticeRepository) {}

  async list(query: { status?: string } | undefined): Promise<NoticeView[]> {
    const status = query?.status;
    if (status !== undefined && !STATUSES.includes(status as NoticeView['status'])) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'status', rule: 'isIn', message: `status is one of ${STATUSES.join(', ')}` }]);
    }
    const rows = await this.notices.list(status as NoticeView['status'] | undefined);
    return rows.map(toNoticeView);
  }

  async ofCase(query: { caseNo?: string } | undefined): Promise<NoticeView | null> {
    const caseNo = query?.caseNo;
    if (typeof caseNo !== 'string' || caseNo.trim() === '') {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required' }]);
    }
    const row = await this.notices.ofCase(caseNo.trim());
    return row ? toNoticeView(row) : null;
  }
}
