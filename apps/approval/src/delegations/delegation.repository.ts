import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryOne, queryRows } from '#libs/persistence';

export interface DelegationRow {
  id: string;
  department: string;
  primary_user: string;
  backup_user: string;
  valid_from: Date;
  valid_to: Date;
  reason: string;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
}

export interface NewDelegation {
  id: string;
  department: string;
  primaryUser: string;
  backupUser: string;
  validFrom: Date;
  validTo: Date;
  reason: string;
  createdBy: string;
}

const COLUMNS = `id, department, primary_user, backup_user, valid_from, valid_to, reason, created_by, created_at, revoked_at, revoked_by`;

/** approval.delegations: backups (AB岗), revoked but never deleted. */
@Injectable()
export class DelegationRepository {
  constructor(private readonly ds: DataSource) {}

  async add(m: EntityManager, d: NewDelegation): Promise<DelegationRow> {
    return (await queryOne<DelegationRow>(
      m,
      `INSERT INTO approval.delegations (id, department, primary_user, backup_user, valid_from, valid_to, reason, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING ${COLUMNS}`,
      [d.id, d.department, d.primaryUser, d.backupUser, d.validFrom, d.validTo, d.reason, d.createdBy],
    ))!;
  }

  /** Newest first. */
  ofDepartment(department: string): Promise<DelegationRow[]> {
    return queryRows<DelegationRow>(this.ds.manager, `SELECT ${COLUMNS} FROM approval.delegations WHERE department = $1 ORDER BY created_at DESC, id DESC`, [
      department,
    ]);
  }

  find(m: EntityManager, id: string, department: string): Promise<DelegationRow | undefined> {
    return queryOne<DelegationRow>(m, `SELECT ${COLUMNS} FROM approval.delegations WHERE id = $1 AND department = $2`, [id, department]);
  }

  /** The revoked delegation, or undefined when there is none of that id in the department still in force. */
  revoke(m: EntityManager, id: string, department: string, by: string): Promise<DelegationRow | undefined> {
    return queryOne<DelegationRow>(
      m,
      `UPDATE approval.delegations SET revoked_at = now(), revoked_by = $3
        WHERE id = $1 AND department = $2 AND revoked_at IS NULL
        RETURNING ${COLUMNS}`,
      [id, department, by],
    );
  }

  /**
   * The departments `backupUser` stands in for at `now`, with the primary they stand in for (the latest delegation
   * wins when two overlap). Says what isDelegationActive says; keep the two in step.
   */
  activeFor(m: EntityManager, backupUser: string, now: Date): Promise<{ department: string; primary_user: string }[]> {
    return queryRows(
      m,
      `SELECT DISTINCT ON (department) department, primary_user
         FROM approval.delegations
        WHERE backup_user = $1 AND revoked_at IS NULL AND valid_from <= $2 AND valid_to >= $2
        ORDER BY department, valid_from DESC, created_at DESC`,
      [backupUser, now],
    );
  }
}
