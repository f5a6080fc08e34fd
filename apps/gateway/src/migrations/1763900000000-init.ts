import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The gateway publishes no events, so it has no outbox or inbox: only logins and idempotency records. */
export class Init1763900000000 implements MigrationInterface {
  name = 'Init1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.users (
      username text PRIMARY KEY,
      password_hash text NOT NULL,
      roles text[] NOT NULL,
      department text,
      display_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    // status_code NULL means "claimed, still running"; the answer is stored once it is known.
    await q.query(`CREATE TABLE gateway.idempotency_keys (
      username text NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      request_hash text NOT NULL,
      status_code int,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (username, key))`);
    await q.query(`CREATE INDEX idempotency_keys_created_at ON gateway.idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.idempotency_keys, gateway.users`);
  }
}
