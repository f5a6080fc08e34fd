import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '#libs/persistence';

export interface CertificateRow {
  case_no: string;
  certificate_no: string;
  name: string;
  department: string;
}

/** delivery.certificates: what was issued for each case, numbered after the case. */
@Injectable()
export class CertificateRepository {
  /** A certificate already issued under its number stays as it is. */
  async add(m: EntityManager, c: CertificateRow): Promise<void> {
    await m.query(
      `INSERT INTO delivery.certificates (certificate_no, case_no, name, department) VALUES ($1, $2, $3, $4)
       ON CONFLICT (certificate_no) DO NOTHING`,
      [c.certificate_no, c.case_no, c.name, c.department],
    );
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
}
