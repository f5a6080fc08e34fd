import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NoticeMaterial } from '#libs/contracts';
import { APPLICANT_FIELDS, openFields, PiiKeyring, sealFields } from '#libs/crypto';
import { queryOne } from '#libs/persistence';

export interface NoticeRow {
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

/** intake.one_time_notices (一次性告知书), numbered from their own sequence; the applicant's ID number is kept sealed. */
@Injectable()
export class OneTimeNoticeRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly keyring: PiiKeyring,
  ) {}

  async nextSeq(): Promise<string> {
    return (await queryOne<{ n: string }>(this.ds.manager, `SELECT nextval('intake.one_time_notice_seq') AS n`))!.n;
  }

  async add(n: NoticeRow): Promise<NoticeRow> {
    const row = await queryOne<NoticeRow>(
      this.ds.manager,
      `INSERT INTO intake.one_time_notices (notice_no, item_code, item_version, item_name, center_code, applicant, missing, issued_at, issued_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9) RETURNING *`,
      [
        n.notice_no, n.item_code, n.item_version, n.item_name, n.center_code,
        n.applicant ? JSON.stringify(sealFields(this.keyring, n.applicant, APPLICANT_FIELDS)) : null, JSON.stringify(n.missing), n.issued_at, n.issued_by,
      ],
    );
    return this.opened(row!);
  }

  async find(noticeNo: string): Promise<NoticeRow | undefined> {
    const row = await queryOne<NoticeRow>(this.ds.manager, `SELECT * FROM intake.one_time_notices WHERE notice_no = $1`, [noticeNo]);
    return row && this.opened(row);
  }

  private opened(row: NoticeRow): NoticeRow {
    return { ...row, applicant: openFields(this.keyring, row.applicant, APPLICANT_FIELDS) ?? null };
  }
}
