import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, type OneTimeNoticeView } from '#libs/contracts';
import { DOCUMENT_PREFIX, isDocumentNo } from './document-number.js';
import { OneTimeNoticeRepository } from './one-time-notice.repository.js';
import { toNoticeView } from './one-time-notice-view.js';

/** rpc.intake.notice.get: a one-time notice (一次性告知) looked up by its number. */
@Injectable()
export class GetNotice {
  constructor(private readonly notices: OneTimeNoticeRepository) {}

  async execute(query: { noticeNo?: string }): Promise<OneTimeNoticeView> {
    const noticeNo = String(query?.noticeNo ?? '');
    const row = isDocumentNo(DOCUMENT_PREFIX.oneTimeNotice, noticeNo) ? await this.notices.find(noticeNo) : undefined;
    if (!row) throw AppError.notFound(ErrorCodes.ONE_TIME_NOTICE_NOT_FOUND, `No one-time notice ${noticeNo}.`);
    return toNoticeView(row);
  }
}
