import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RefusalView } from '#libs/contracts';
import { APPLICANT_FIELDS, openFields, PiiKeyring, sealFields } from '#libs/crypto';
import { queryOne } from '#libs/persistence';

export interface RefusalRow {
  refusal_no: string;
  item_code: string;
  item_version: number;
  item_name: string;
  center_code: string;
  applicant: RefusalView['applicant'];
  reason: string;
  refused_at: Date;
  refused_by: string;
}

/** intake.refusals (不予受理决定书), numbered from their own sequence; the applicant's ID number and phone are kept sealed. */
@Injectable()
export class RefusalRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly keyring: PiiKeyring,
  ) {}

  async nextSeq(): Promise<string> {
    return (await queryOne<{ n: string }>(this.ds.manager, `SELECT nextval('intake.refusal_seq') AS n`))!.n;
  }

  async add(r: RefusalRow): Promise<RefusalRow> {
    const row = await queryOne<RefusalRow>(
      this.ds.manager,
      `INSERT INTO intake.refusals (refusal_no, item_code, item_version, item_name, center_code, applicant, reason, refused_at, refused_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9) RETURNING *`,
      [r.refusal_no, r.item_code, r.item_version, r.item_name, r.center_code, JSON.stringify(sealFields(this.keyring, r.applicant, APPLICANT_FIELDS)), r.reason, r.refused_at, r.refused_by],
    );
    return this.opened(row!);
  }

  async find(refusalNo: string): Promise<RefusalRow | undefined> {
    const row = await queryOne<RefusalRow>(this.ds.manager, `SELECT * FROM intake.refusals WHERE refusal_no = $1`, [refusalNo]);
    return row && this.opened(row);
  }

  private opened(row: RefusalRow): RefusalRow {
    return { ...row, applicant: openFields(this.keyring, row.applicant, APPLICANT_FIELDS) };
  }
}
