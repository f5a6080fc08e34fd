import { Injectable } from '@nestjs/common';
import type { Actor, NoticeMaterial, OneTimeNoticeView, ServiceItem } from '#libs/contracts';
import { oneTimeNoticeNo } from './document-number.js';
import { OneTimeNoticeRepository } from './one-time-notice.repository.js';
import { toNoticeView } from './one-time-notice-view.js';

export interface NoticeInput {
  item: ServiceItem;
  centerCode: string;
  applicant?: { type: string; name: string; idType: string; idNumber: string };
  missing: NoticeMaterial[];
}

/**
 * 一次性告知: when the window cannot accept, the applicant gets one written notice listing every missing or defective
 * material, and staff can look it up later by its number (GetNotice). It is committed on its own: nothing else is
 * written. A step of AcceptCase, which issues it when it cannot accept.
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
    return toNoticeView(row);
  }

}
