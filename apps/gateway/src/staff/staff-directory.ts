import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';

export interface StaffMember {
  username: string;
  roles: Role[];
  department: string | null;
}

/** The gateway knows its users: who exists, their roles and department (for delegations and assignment). */
@Injectable()
export class StaffDirectory {
  constructor(private readonly ds: DataSource) {}

  find(username: string): Promise<StaffMember | undefined> {
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
}
