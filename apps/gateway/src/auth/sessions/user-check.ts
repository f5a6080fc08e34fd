import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { SERVICE_CONFIG } from '#libs/platform';
import { UsersRepository, type UserRow } from '../users.repository.js';

/**
 * What the database says of a token's user, cached per replica for at most USER_CACHE_MS (≤ 30 s): a disabled user's
 * access token stops working within that time, and a token cannot claim a role or department the user does not hold.
 */
@Injectable()
export class UserCheck {
  private readonly cache = new Map<string, { at: number; user: UserRow | null }>();

  constructor(
    private readonly users: UsersRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async current(username: string): Promise<UserRow | null> {
    const hit = this.cache.get(username);
    if (hit && Date.now() - hit.at < this.config.userCacheMs) return hit.user;
    const user = (await this.users.find(username)) ?? null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(username, { at: Date.now(), user });
    return user;
  }

  /** After an account change on this replica, the next request reads the user again. */
  forget(username: string): void {
    this.cache.delete(username);
  }
}
