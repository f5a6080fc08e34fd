import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface UserRow {
  username: string;
  passwordHash: string;
  roles: Role[];
  department: string | null;
  displayName: string;
  centers: string[];
  disabled: boolean;
  mustChangePassword: boolean;
}

/** What delegations and assignment need to know of a user: who exists, their roles and department. */
export interface StaffMember {
  username: string;
  roles: Role[];
  department: string | null;
}

export interface NewUser {
  username: string;
  passwordHash: string;
  roles: Role[];
  department: string | null;
  displayName: string;
  centers: string[];
  mustChangePassword: boolean;
}

export interface UserChanges {
  roles?: Role[];
  department?: string | null;
  centers?: string[];
  displayName?: string;
  disabled?: boolean;
}

const COLUMNS = `username, password_hash AS "passwordHash", roles, department, display_name AS "displayName", centers,
  disabled_at IS NOT NULL AS disabled, must_change_password AS "mustChangePassword"`;

/** gateway.users: the staff who log in, with their roles, department and centers. */
@Injectable()
export class UsersRepository {
  constructor(private readonly ds: DataSource) {}

  find(username: string, m: EntityManager = this.ds.manager): Promise<UserRow | undefined> {
    return queryOne<UserRow>(m, `SELECT ${COLUMNS} FROM gateway.users WHERE username = $1`, [username]);
  }

  list(): Promise<UserRow[]> {
    return queryRows<UserRow>(this.ds.manager, `SELECT ${COLUMNS} FROM gateway.users ORDER BY username`);
  }

  findStaff(username: string): Promise<StaffMember | undefined> {
    return queryOne<StaffMember>(this.ds.manager, `SELECT username, roles, department FROM gateway.users WHERE username = $1 AND disabled_at IS NULL`, [username]);
  }

  /** The department's chief representatives (its primaries), by username. */
  async chiefRepsOf(department: string): Promise<string[]> {
    const rows = await queryRows<{ username: string }>(
      this.ds.manager,
      `SELECT username FROM gateway.users WHERE department = $1 AND 'CHIEF_REP' = ANY(roles) AND disabled_at IS NULL ORDER BY username`,
      [department],
    );
    return rows.map((r) => r.username);
  }

  /** False when the username is taken. */
  async create(m: EntityManager, u: NewUser): Promise<boolean> {
    const rows = await queryRows(
      m,
      `INSERT INTO gateway.users (username, password_hash, roles, department, display_name, centers, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING username`,
      [u.username, u.passwordHash, u.roles, u.department, u.displayName, u.centers, u.mustChangePassword],
    );
    return rows.length > 0;
  }

  async update(m: EntityManager, username: string, c: UserChanges): Promise<UserRow | undefined> {
    return queryOne<UserRow>(
      m,
      `UPDATE gateway.users SET
         roles = COALESCE($2, roles),
         department = CASE WHEN $3::boolean THEN $4 ELSE department END,
         centers = COALESCE($5, centers),
         display_name = COALESCE($6, display_name),
         disabled_at = CASE WHEN $7::boolean IS NULL THEN disabled_at WHEN $7 THEN COALESCE(disabled_at, now()) ELSE NULL END,
         updated_at = now()
       WHERE username = $1 RETURNING ${COLUMNS}`,
      [username, c.roles ?? null, c.department !== undefined, c.department ?? null, c.centers ?? null, c.displayName ?? null, c.disabled ?? null],
    );
  }

  async setPassword(m: EntityManager, username: string, passwordHash: string, mustChange: boolean): Promise<void> {
    await m.query(`UPDATE gateway.users SET password_hash = $2, must_change_password = $3, updated_at = now() WHERE username = $1`, [username, passwordHash, mustChange]);
  }

  /** Demo seeding: the demo logins as configured, whatever they were. */
  async upsert(u: NewUser): Promise<void> {
    await this.ds.query(
      `INSERT INTO gateway.users (username, password_hash, roles, department, display_name, centers, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (username) DO UPDATE
         SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles, department = EXCLUDED.department,
             display_name = EXCLUDED.display_name, centers = EXCLUDED.centers, must_change_password = false,
             disabled_at = NULL, updated_at = now()`,
      [u.username, u.passwordHash, u.roles, u.department, u.displayName, u.centers, u.mustChangePassword],
    );
  }
}
