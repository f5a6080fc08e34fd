import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface UserRow {
  username: string;
  passwordHash: string;
  roles: Role[];
  department: string | null;
  displayName: string;
}

/** What delegations and assignment need to know of a user: who exists, their roles and department. */
export interface StaffMember {
  username: string;
  roles: Role[];
  department: string | null;
}

/** gateway.users: the staff who log in, with their roles and department. */
@Injectable()
export class UsersRepository {
  constructor(private readonly ds: DataSource) {}

  find(username: string): Promise<UserRow | undefined> {
    return queryOne<UserRow>(
      this.ds.manager,
      `SELECT username, password_hash AS "passwordHash", roles, department, display_name AS "displayName"
         FROM gateway.users WHERE username = $1`,
      [username],
    );
  }

  findStaff(username: string): Promise<StaffMember | undefined> {
    return queryOne<StaffMember>(this.ds.manager, `SELECT username, roles, department FROM gateway.users WHERE username = $1`, [username]);
  }

  /** The department's chief representatives (its primaries), by username. */
  async chiefRepsOf(department: string): Promise<string[]> {
    const rows = await queryRows<{ username: string }>(
      this.ds.manager,
      `SELECT username FROM gateway.users WHERE department = $1 AND 'CHIEF_REP' = ANY(roles) ORDER BY username`,
      [department],
    );
    return rows.map((r) => r.username);
  }

  async upsert(u: UserRow): Promise<void> {
    await this.ds.query(
      `INSERT INTO gateway.users (username, password_hash, roles, department, display_name)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO UPDATE
         SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles,
             department = EXCLUDED.department, display_name = EXCLUDED.display_name`,
      [u.username, u.passwordHash, u.roles, u.department, u.displayName],
    );
  }
}
