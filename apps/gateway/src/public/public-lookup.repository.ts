import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryOne } from '#libs/persistence';

/** Wrong tails counted together: ten within this many minutes lock the case number for as long. */
export const LOOKUP_WINDOW_MINUTES = 15;
export const LOOKUP_MAX_FAILURES = 10;

/** gateway.public_lookup_failures: one row per case number with wrong ID tails, shared by every gateway replica. */
@Injectable()
export class PublicLookupRepository {
  constructor(private readonly ds: DataSource) {}

  /** Until when the case number's public lookups are locked, or undefined when they are not. */
  async lockedUntil(caseNo: string): Promise<Date | undefined> {
    const r = await queryOne<{ locked_until: Date }>(
      this.ds.manager,
      `SELECT locked_until FROM gateway.public_lookup_failures WHERE case_no = $1 AND locked_until > now()`,
      [caseNo],
    );
    return r?.locked_until;
  }

  /**
   * One more wrong tail, in one statement (concurrent replicas add up): a count older than the window, or one that
   * already locked and expired, starts over; the tenth locks the number for the window. Answers the lock, if any.
   */
  async countFailure(caseNo: string): Promise<Date | undefined> {
    const restart = `(f.locked_until IS NOT NULL OR f.first_failure_at < now() - interval '${LOOKUP_WINDOW_MINUTES} minutes')`;
    const lockAt = `now() + interval '${LOOKUP_WINDOW_MINUTES} minutes'`;
    const r = await queryOne<{ locked_until: Date | null }>(
      this.ds.manager,
      `INSERT INTO gateway.public_lookup_failures AS f (case_no, failures, first_failure_at, locked_until)
       VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN ${lockAt} END)
       ON CONFLICT (case_no) DO UPDATE SET
         failures = CASE WHEN ${restart} THEN 1 ELSE f.failures + 1 END,
         first_failure_at = CASE WHEN ${restart} THEN now() ELSE f.first_failure_at END,
         locked_until = CASE WHEN (CASE WHEN ${restart} THEN 1 ELSE f.failures + 1 END) >= $2 THEN ${lockAt} END
       RETURNING locked_until`,
      [caseNo, LOOKUP_MAX_FAILURES],
    );
    return r?.locked_until ?? undefined;
  }

  /** The right tail: the count starts over. */
  async clear(caseNo: string): Promise<void> {
    await this.ds.query(`DELETE FROM gateway.public_lookup_failures WHERE case_no = $1`, [caseNo]);
  }

  /** Rows no lock or count needs any more (called now and then by the page's service). */
  async purgeStale(): Promise<void> {
    await this.ds.query(
      `DELETE FROM gateway.public_lookup_failures
        WHERE first_failure_at < now() - interval '${LOOKUP_WINDOW_MINUTES} minutes' AND (locked_until IS NULL OR locked_until < now())`,
    );
  }
}
