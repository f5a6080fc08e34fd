import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PayeeAccount } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface Payee extends PayeeAccount {
  department: string;
  departmentName: string;
}

/** fees.payee_accounts (each department's collecting account) and fees.center_settings (a center's notice validity). */
@Injectable()
export class PayeeRepository {
  async ofDepartments(m: EntityManager, departments: string[]): Promise<Map<string, Payee>> {
    const rows = await queryRows<{ department: string; department_name: string; account_name: string; bank: string; account_no: string }>(
      m,
      `SELECT department, department_name, account_name, bank, account_no FROM fees.payee_accounts WHERE department = ANY($1::text[])`,
      [departments],
    );
    return new Map(
      rows.map((r) => [r.department, { department: r.department, departmentName: r.department_name, accountName: r.account_name, bank: r.bank, accountNo: r.account_no }]),
    );
  }

  /** The first seeded account stands: an account changed by finance is not overwritten by a restart. */
  async seed(m: EntityManager, p: Payee): Promise<void> {
    await m.query(
      `INSERT INTO fees.payee_accounts (department, department_name, account_name, bank, account_no) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (department) DO NOTHING`,
      [p.department, p.departmentName, p.accountName, p.bank, p.accountNo],
    );
  }

  async validityDaysOf(m: EntityManager, centerCode: string | null): Promise<number | undefined> {
    if (!centerCode) return undefined;
    const row = await queryOne<{ notice_validity_days: number }>(m, `SELECT notice_validity_days FROM fees.center_settings WHERE center_code = $1`, [centerCode]);
    return row?.notice_validity_days;
  }

  async seedCenter(m: EntityManager, centerCode: string, validityDays: number): Promise<void> {
    await m.query(`INSERT INTO fees.center_settings (center_code, notice_validity_days) VALUES ($1, $2) ON CONFLICT (center_code) DO NOTHING`, [
      centerCode,
      validityDays,
    ]);
  }
}
