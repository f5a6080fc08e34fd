import { Injectable, Logger } from '@nestjs/common';
import { hashPassword } from './password/password-hash.js';
import { DEMO_USERS } from './demo-users.js';
import { UsersRepository } from './users.repository.js';

/** Upserts the demo logins, so a restart with another DEMO_PASSWORD takes effect. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('seed');

  constructor(private readonly users: UsersRepository) {}

  async seed(password: string): Promise<void> {
    // One hash for all: they share the password anyway, and a scrypt per user would slow every start.
    const passwordHash = await hashPassword(password);
    for (const u of DEMO_USERS) {
      await this.users.upsert({
        username: u.username,
        passwordHash,
        roles: u.roles,
        department: u.department ?? null,
        displayName: u.displayName,
        centers: u.roles.includes('CLERK') ? ['510704-C01', '510704-T01', '510704-T02'] : [],
        mustChangePassword: false,
      });
    }
    this.logger.log(`demo users ready: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  }
}
