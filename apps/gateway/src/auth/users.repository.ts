import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '#libs/contracts';
import { queryOne } from '#libs/persistence';

export interface UserRow {
  username: string;
  passwordHash: string;
  roles: Role[];
  department: string | null;
  displayName: string;
}

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
