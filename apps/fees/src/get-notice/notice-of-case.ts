import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, type NoticeView } from '#libs/contracts';
import { toNoticeView } from '../payment-notice/notice-view.js';
import { NoticeRepository } from '../payment-notice/notice.repository.js';

/** The case's current notice (the one not VOID, else the newest), for the case page; null when it has none. */
@Injectable()
export class NoticeOfCase {
  constructor(private readonly notices: NoticeRepository) {}

  async execute(query: { caseNo?: string } | undefined): Promise<NoticeView | null> {
    const caseNo = query?.caseNo;
    if (typeof caseNo !== 'string' || caseNo.trim() === '') {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required' }]);
    }
    const row = await this.notices.ofCase(caseNo.trim());
    return row ? toNoticeView(row, new Date(), row) : null;
  }
}
