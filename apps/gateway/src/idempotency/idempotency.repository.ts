import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryOne, queryRows } from '#libs/persistence';

export interface StoredAnswer {
  requestHash: string;
  statusCode: number | null;
  response: unknown;
}

/** How long a key is remembered: retries come within minutes; a day covers a client that was offline overnight. */
const RETENTION = '24 hours';
/** A claim with no answer this long after it was made belongs to a process that died mid-request. */
const ABANDONED_AFTER = '60 seconds';

/** gateway.idempotency_keys: one row per (user, Idempotency-Key), claimed before the work and answered after it. */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * True when this request now owns the key; false when someone already did (then look at `find`). One statement: a
   * key past its retention, or claimed by a process that died mid-request, is taken over in the same upsert.
   */
  async claim(username: string, key: string, method: string, path: string, requestHash: string): Promise<boolean> {
    const rows = await queryRows(
      this.ds.manager,
      `INSERT INTO gateway.idempotency_keys AS k (username, key, method, path, request_hash)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username, key) DO UPDATE
          SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
              status_code = NULL, response = NULL, created_at = now()
        WHERE k.created_at < now() - interval '${RETENTION}' OR (k.status_code IS NULL AND k.created_at < now() - interval '${ABANDONED_AFTER}')
       RETURNING key`,
      [username, key, method, path, requestHash],
    );
    return rows.length === 1;
  }

  find(username: string, key: string): Promise<StoredAnswer | undefined> {
    return queryOne<StoredAnswer>(
      this.ds.manager,
      `SELECT request_hash AS "requestHash", status_code AS "statusCode", response
         FROM gateway.idempotency_keys WHERE username = $1 AND key = $2`,
      [username, key],
    );
  }

  async complete(username: string, key: string, statusCode: number, response: unknown): Promise<void> {
    await this.ds.query(
      `UPDATE gateway.idempotency_keys SET status_code = $3, response = $4::jsonb WHERE username = $1 AND key = $2`,
      [username, key, statusCode, JSON.stringify(response ?? null)],
    );
  }

  async release(username: string, key: string): Promise<void> {
    await this.ds.query(`DELETE FROM gateway.idempotency_keys WHERE username = $1 AND key = $2 AND status_code IS NULL`, [username, key]);
  }

  async purgeExpired(): Promise<void> {
    await this.ds.query(`DELETE FROM gateway.idempotency_keys WHERE created_at < now() - interval '${RETENTION}'`);
  }
}
