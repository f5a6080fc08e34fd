import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryOne } from '#libs/persistence';

/**
 * gateway.login_locks: failed logins per username (known or not, so a lock says nothing about who exists), counted
 * in PostgreSQL so every gateway replica sees the same count.
 */
@Injectable()
export class LoginLockRepository {
  constructor(private readonly ds: DataSource) {}

  async lockedUntil(username: string): Promise<Date | undefined> {
    const row = await queryOne<{ locked_until: Date }>(this.ds.manager, `SELECT locked_until FROM gateway.login_locks WHERE username = $1 AND locked_until > now()`, [
      username,
    ]);
    return row?.locked_until;
  }

  /** Counts a failure in the current window (restarting it when it began too long ago); how many there are now. */
  async countFailure(username: string, windowMinutes: number): Promise<number> {
    const row = await queryOne<{ failures: number }>(
      this.ds.manager,
      `INSERT INTO gateway.login_locks AS l (username, failures, first_failure_at) VALUES ($1, 1, now())
       ON CONFLICT (username) DO UPDATE SET
         failures = CASE WHEN l.first_failure_at < now() - make_interval(mins => $2) THEN 1 ELSE l.failures + 1 END,
         first_failure_at = CASE WHEN l.first_failure_at < now() - make_interval(mins => $2) THEN now() ELSE l.first_failure_at END
       RETURNING failures`,
      [username, windowMinutes],
    );
    return row!.failures;
  }

  /** Locks the username for `minutes`, and starts counting afresh. */
  async lock(username: string, minutes: number): Promise<Date> {
    const row = await queryOne<{ locked_until: Date }>(
      this.ds.manager,
      `UPDATE gateway.login_locks SET locked_until = now() + make_interval(mins => $2), failures = 0, first_failure_at = now()
        WHERE username = $1 RETURNING locked_until`,
      [username, minutes],
    );
    return row!.locked_until;
  }

  async clear(username: string): Promise<void> {
    await this.ds.query(`DELETE FROM gateway.login_locks WHERE username = $1`, [username]);
  }
}
