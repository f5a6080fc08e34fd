import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryOne, queryRows } from '#libs/persistence';

export interface CertificateRow {
  case_no: string;
  certificate_no: string;
  name: string;
  department: string;
}

/** A certificate with everything it shows, as issued (and, if so, revoked). */
export interface CertificateRecord extends CertificateRow {
  item_code: string | null;
  item_name: string | null;
  holder_name: string | null;
  holder_id_masked: string | null;
  issued_at: Date;
  /** YYYY-MM-DD (a date column, read as text). */
  valid_until: string | null;
  signed_payload: string | null;
  key_id: string | null;
  status: 'VALID' | 'REVOKED';
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface NewCertificateRecord extends CertificateRow {
  result_index: number;
  item_code: string | null;
  item_name: string | null;
  holder_name: string;
  holder_id_masked: string | null;
  issued_at: Date;
  valid_until: string | null;
  signed_payload: string;
  key_id: string;
}

const RECORD_COLUMNS = `case_no, certificate_no, name, department, item_code, item_name, holder_name, holder_id_masked, issued_at,
  to_char(valid_until, 'YYYY-MM-DD') AS valid_until, signed_payload, key_id, status, revoked_at, revoked_by, revoke_reason`;

/** delivery.certificates and their numbering (certificate_types, certificate_counters). */
@Injectable()
export class CertificateRepository {
  /**
   * The 3-digit number of a result type (department + result name), given on first sight. Two issuances meeting a new
   * type at once: the one that lost the insert gets no row and throws, and its event is retried.
   */
  async typeNo(m: EntityManager, department: string, name: string): Promise<number> {
    const row = await queryOne<{ type_no: number }>(
      m,
      `WITH found AS (SELECT type_no FROM delivery.certificate_types WHERE department = $1 AND name = $2),
       added AS (INSERT INTO delivery.certificate_types (department, name) SELECT $1, $2 WHERE NOT EXISTS (SELECT 1 FROM found)
                 ON CONFLICT (department, name) DO NOTHING RETURNING type_no)
       SELECT type_no FROM found UNION ALL SELECT type_no FROM added`,
      [department, name],
    );
    if (!row) throw new Error(`result type ${department}/${name} was numbered concurrently; retrying`);
    return row.type_no;
  }

  /** The next sequence of a result type in a year, from 1; the counter row stays locked until the transaction ends. */
  async nextSeq(m: EntityManager, typeNo: number, year: number): Promise<number> {
    const row = await queryOne<{ last: number }>(
      m,
      `INSERT INTO delivery.certificate_counters (type_no, year, last) VALUES ($1, $2, 1)
       ON CONFLICT (type_no, year) DO UPDATE SET last = delivery.certificate_counters.last + 1 RETURNING last`,
      [typeNo, year],
    );
    return row!.last;
  }

  /** One certificate per result of a case: a second one for the same result is not added (false). */
  async add(m: EntityManager, c: NewCertificateRecord): Promise<boolean> {
    const rows = await queryRows(
      m,
      `INSERT INTO delivery.certificates (certificate_no, case_no, name, department, result_index, item_code, item_name, holder_name,
         holder_id_masked, issued_at, valid_until, signed_payload, key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12, $13) ON CONFLICT DO NOTHING RETURNING certificate_no`,
      [c.certificate_no, c.case_no, c.name, c.department, c.result_index, c.item_code, c.item_name, c.holder_name, c.holder_id_masked,
        c.issued_at, c.valid_until, c.signed_payload, c.key_id],
    );
    return rows.length === 1;
  }

  /** The certificates of all these cases in one query, by number; none asked, none fetched. */
  async ofCases(m: EntityManager, caseNos: string[]): Promise<CertificateRow[]> {
    if (caseNos.length === 0) return [];
    return queryRows<CertificateRow>(
      m,
      `SELECT case_no, certificate_no, name, department FROM delivery.certificates WHERE case_no = ANY($1) ORDER BY certificate_no`,
      [[...new Set(caseNos)]],
    );
  }

  get(m: EntityManager, certificateNo: string, opts: { forUpdate?: boolean } = {}): Promise<CertificateRecord | undefined> {
    return queryOne<CertificateRecord>(
      m,
      `SELECT ${RECORD_COLUMNS} FROM delivery.certificates WHERE certificate_no = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
      [certificateNo],
    );
  }

  /** Guarded: only a VALID certificate is revoked; undefined when it was not. */
  revoke(m: EntityManager, certificateNo: string, by: string, reason: string): Promise<CertificateRecord | undefined> {
    return queryOne<CertificateRecord>(
      m,
      `UPDATE delivery.certificates SET status = 'REVOKED', revoked_at = now(), revoked_by = $2, revoke_reason = $3, version = version + 1
       WHERE certificate_no = $1 AND status = 'VALID' RETURNING ${RECORD_COLUMNS}`,
      [certificateNo, by, reason],
    );
  }
}
