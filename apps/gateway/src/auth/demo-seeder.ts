import { Injectable, Logger } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { DEMO_USERS } from './demo-users.js';
import { UsersRepository } from './users.repository.js';

/** Upserts the demo logins, so a restart with another DEMO_PASSWORD takes effect. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('seed');

  constructor(private readonly users: UsersRepository) {}

  async seed(password: string): Promise<void> {
    // One hash for all: they share the password anyway, and bcrypt per user would slow every start.
    const passwordHash = await bcrypt.hash(password, 10);
    for (const u of DEMO_USERS) {
      await this.users.upsert({ username: u.username, passwordHash, roles: u.roles, department: u.department ?? null, displayName: u.displayName });
    }
    this.logger.log(`demo users ready: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  }
}
