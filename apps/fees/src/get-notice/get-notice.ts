import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, type NoticeView } from '#libs/contracts';
import { NOTICE_NO } from '../payment-notice/notice-number.js';
import { toNoticeView } from '../payment-notice/notice-view.js';
import { NoticeRepository } from '../payment-notice/notice.repository.js';

/** One notice by its number, with its payments and refunds (the print, the finance window's detail): 404 when none. */
@Injectable()
export class GetNotice {
  constructor(private readonly notices: NoticeRepository) {}

  async execute(query: { noticeNo?: string } | undefined): Promise<NoticeView> {
    const noticeNo = typeof query?.noticeNo === 'string' ? query.noticeNo.trim() : '';
    if (!NOTICE_NO.test(noticeNo)) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'noticeNo', rule: 'isNoticeNo', message: 'noticeNo must be a payment notice number (PN…)' }]);
    }
    const row = await this.notices.detailed(noticeNo);
    if (!row) throw AppError.notFound(ErrorCodes.NOTICE_NOT_FOUND, `Payment notice ${noticeNo} does not exist.`);
    return toNoticeView(row, new Date(), row);
  }
}
