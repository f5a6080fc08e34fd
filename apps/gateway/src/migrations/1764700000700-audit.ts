import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyAuditLogUp } from '#libs/persistence';

/**
 * The audit record of requests (issue #11, 电子监察留痕): every state-changing request through the gateway
 * (POST/PUT/PATCH/DELETE, whatever its outcome) is one row of gateway.audit_log, hash-chained (libs/persistence
 * audit-chain.ts): `hash = SHA-256(prev_hash || canonical content)`, numbered by the one-row chain head
 * gateway.audit_chain, whose row lock serializes appends.
 *
 * Append only, enforced by the database:
 * - a trigger refuses UPDATE, DELETE and TRUNCATE on audit rows for everyone, the superuser included, unless they
 *   first disable it (ALTER TABLE … DISABLE TRIGGER, itself a DBA act the chain then shows: verification names the
 *   changed row);
 * - no role gets UPDATE, DELETE or TRUNCATE through PUBLIC. The local setup connects as postgres (the owner, who
 *   holds every privilege), so the trigger is what stops it there. In production the services connect as an
 *   application role that does not own the schema, granted only what appending and reading need:
 *     GRANT USAGE ON SCHEMA gateway TO one_window_app;
 *     GRANT SELECT, INSERT ON gateway.audit_log TO one_window_app;
 *     GRANT SELECT, UPDATE ON gateway.audit_chain TO one_window_app;  -- the head moves with every append
 *   and never UPDATE, DELETE or TRUNCATE on gateway.audit_log.
 */
export class Audit1764700000700 implements MigrationInterface {
  name = 'Audit1764700000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.audit_chain (
      chain text PRIMARY KEY,
      seq bigint NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL)`);
    await q.query(`INSERT INTO gateway.audit_chain (chain, seq, prev_hash, hash) VALUES ('requests', 0, repeat('0', 64), repeat('0', 64))`);
    await q.query(`CREATE TABLE gateway.audit_log (
      id bigint PRIMARY KEY,
      at timestamptz NOT NULL,
      username text,
      role text,
      on_behalf_of text,
      department text,
      method text NOT NULL,
      route text NOT NULL,
      params jsonb NOT NULL,
      case_no text,
      center text,
      ip text,
      status int NOT NULL,
      code text,
      data jsonb NOT NULL,
      correlation_id text,
      prev_hash text NOT NULL,
      hash text NOT NULL)`);
    await q.query(`CREATE INDEX audit_log_at ON gateway.audit_log (at, id)`);
    await q.query(`CREATE INDEX audit_log_case_at ON gateway.audit_log (case_no, at) WHERE case_no IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_user_at ON gateway.audit_log (username, at) WHERE username IS NOT NULL`);
    for (const sql of appendOnlyAuditLogUp('gateway')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.audit_log, gateway.audit_chain`);
    await q.query(`DROP FUNCTION gateway.audit_log_append_only()`);
  }
}
