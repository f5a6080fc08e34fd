import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import { maskIdNumber } from '#libs/checks';
import { AppError, ErrorCodes, type Actor, type NoticeMaterial, type OneTimeNoticeView, type ServiceItem } from '#libs/contracts';
import { queryOne } from '#libs/persistence';
import { isDocumentNo, oneTimeNoticeNo, DOCUMENT_PREFIX } from './document-number.js';

interface NoticeRow {
  notice_no: string;
  item_code: string;
  item_version: number;
  item_name: string;
  center_code: string;
  applicant: { type: string; name: string; idType: string; idNumber: string } | null;
  missing: NoticeMaterial[];
  issued_at: Date;
  issued_by: string;
}

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
  constructor(private readonly ds: DataSource) {}

  async issue(input: NoticeInput, actor: Actor): Promise<OneTimeNoticeView> {
    const issuedAt = new Date();
    const seq = await queryOne<{ n: string }>(this.ds.manager, `SELECT nextval('intake.one_time_notice_seq') AS n`);
    const noticeNo = oneTimeNoticeNo(issuedAt, seq!.n);
    const row = await queryOne<NoticeRow>(
      this.ds.manager,
      `INSERT INTO intake.one_time_notices (notice_no, item_code, item_version, item_name, center_code, applicant, missing, issued_at, issued_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9) RETURNING *`,
      [
        noticeNo, input.item.code, input.item.version ?? 1, input.item.name, input.centerCode,
        input.applicant ? JSON.stringify(input.applicant) : null, JSON.stringify(input.missing), issuedAt, actor.id,
      ],
    );
    return toView(row!);
  }

  async get(noticeNo: string): Promise<OneTimeNoticeView> {
    const row = isDocumentNo(DOCUMENT_PREFIX.oneTimeNotice, noticeNo)
      ? await queryOne<NoticeRow>(this.ds.manager, `SELECT * FROM intake.one_time_notices WHERE notice_no = $1`, [noticeNo])
      : undefined;
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
