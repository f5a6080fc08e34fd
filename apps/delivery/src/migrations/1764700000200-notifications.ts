import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notify module (#10): whom to tell (the applicant's mobile, learnt at acceptance) and what was told. A
 * notification is unique per cause (the event that caused it) and template, so a redelivered event never queues a
 * second one; the sender takes QUEUED rows whose time has come (SKIP LOCKED, so replicas share the work).
 */
export class Notifications1764700000200 implements MigrationInterface {
  name = 'Notifications1764700000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE delivery.notify_recipients (
      case_no text PRIMARY KEY,
      phone text NOT NULL,
      item_name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE delivery.notifications (
      id uuid PRIMARY KEY,
      case_no text NOT NULL,
      cause_event_id uuid NOT NULL,
      cause_type text NOT NULL,
      template text NOT NULL,
      phone text NOT NULL,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
      channel text,
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      UNIQUE (cause_event_id, template))`);
    await q.query(`CREATE INDEX notifications_due ON delivery.notifications (next_attempt_at) WHERE status = 'QUEUED'`);
    await q.query(`CREATE INDEX notifications_case_no ON delivery.notifications (case_no, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery.notifications, delivery.notify_recipients`);
  }
}
