import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import { maskIdNumber } from '#libs/checks';
import { AppError, ErrorCodes, type Actor, type NoticeMaterial, type OneTimeNoticeView, type ServiceItem } from '#libs/contracts';
import { isDocumentNo, oneTimeNoticeNo, DOCUMENT_PREFIX } from './document-number.js';
import { OneTimeNoticeRepository, type NoticeRow } from './one-time-notice.repository.js';

export interface NoticeInput {
  item: ServiceItem;
  centerCode: string;
  applicant?: { type: string; name: string; idType: string; idNumber: string };
  missing: NoticeMaterial[];
}

/**
 * 一次性告知: when the window cannot accept, the applicant gets one written notice listing every missing or defective
 * material, and staff can look it up later by its number. It is committed on its own: nothing else is written.
 */
@Injectable()
export class OneTimeNotices {
  constructor(private readonly notices: OneTimeNoticeRepository) {}

  async issue(input: NoticeInput, actor: Actor): Promise<OneTimeNoticeView> {
    const issuedAt = new Date();
    const noticeNo = oneTimeNoticeNo(issuedAt, await this.notices.nextSeq());
    const row = await this.notices.add({
      notice_no: noticeNo,
      item_code: input.item.code,
      item_version: input.item.version ?? 1,
      item_name: input.item.name,
      center_code: input.centerCode,
      applicant: input.applicant ?? null,
      missing: input.missing,
      issued_at: issuedAt,
      issued_by: actor.id,
    });
    return toView(row);
  }

  async get(noticeNo: string): Promise<OneTimeNoticeView> {
    const row = isDocumentNo(DOCUMENT_PREFIX.oneTimeNotice, noticeNo) ? await this.notices.find(noticeNo) : undefined;
    if (!row) throw AppError.notFound(ErrorCodes.ONE_TIME_NOTICE_NOT_FOUND, `No one-time notice ${noticeNo}.`);
    return toView(row);
  }
}

function toView(r: NoticeRow): OneTimeNoticeView {
  return {
    noticeNo: r.notice_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    itemVersion: r.item_version,
    centerCode: r.center_code,
    ...(r.applicant ? { applicant: { ...r.applicant, idNumber: maskIdNumber(r.applicant.idNumber) } } : {}),
    missing: r.missing,
    issuedAt: toShanghai(r.issued_at)!,
    issuedBy: r.issued_by,
  };
}
