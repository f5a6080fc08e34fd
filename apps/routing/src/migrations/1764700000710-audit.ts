import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyAuditLogUp } from '#libs/persistence';

/**
 * The audit record of case events (issue #11, 电子监察留痕): every event routing puts on a case's timeline is also
 * appended, once, to routing.audit_log, hash-chained (libs/persistence audit-chain.ts) under the one-row chain head
 * routing.audit_chain, in the same statement and transaction as the timeline row. The timeline itself stays what
 * supervisors read (routing adds its verdicts to an entry after the fact); the audit row is the summary as first
 * recorded (no ID numbers, phones or addresses: the timeline's summary) and never changes.
 *
 * Append only, enforced by the database: a trigger refuses UPDATE, DELETE and TRUNCATE (the superuser too, unless
 * they disable it first); nobody gets them through PUBLIC. The local setup connects as postgres, the owner; in
 * production the application role is granted only:
 *   GRANT SELECT, INSERT ON routing.audit_log TO one_window_app;
 *   GRANT SELECT, UPDATE ON routing.audit_chain TO one_window_app;
 */
export class Audit1764700000710 implements MigrationInterface {
  name = 'Audit1764700000710';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE routing.audit_chain (
      chain text PRIMARY KEY,
      seq bigint NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL)`);
    await q.query(`INSERT INTO routing.audit_chain (chain, seq, prev_hash, hash) VALUES ('case-events', 0, repeat('0', 64), repeat('0', 64))`);
    await q.query(`CREATE TABLE routing.audit_log (
      id bigint PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      at timestamptz NOT NULL,
      type text NOT NULL,
      case_no text NOT NULL,
      actor jsonb NOT NULL,
      data jsonb NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL)`);
    await q.query(`CREATE INDEX audit_log_at ON routing.audit_log (at, id)`);
    await q.query(`CREATE INDEX audit_log_case_at ON routing.audit_log (case_no, at)`);
    await q.query(`CREATE INDEX audit_log_actor_at ON routing.audit_log ((actor->>'id'), at)`);
    for (const sql of appendOnlyAuditLogUp('routing')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE routing.audit_log, routing.audit_chain`);
    await q.query(`DROP FUNCTION routing.audit_log_append_only()`);
  }
}
