import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clock (#4) on approval's side: tasks PAUSED while their case waits for a supplement (补正), the one extension
 * (延期) a task may get, and each case's legal deadline (an extension may not pass it).
 */
export class Clock1763900000450 implements MigrationInterface {
  name = 'Clock1763900000450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE approval.review_tasks DROP CONSTRAINT IF EXISTS review_tasks_status_check`);
    await q.query(`ALTER TABLE approval.review_tasks ADD CONSTRAINT review_tasks_status_check
      CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED', 'SUPPLEMENT_REQUESTED', 'CANCELLED', 'PAUSED'))`);
    await q.query(`ALTER TABLE approval.review_tasks
      ADD COLUMN paused_at timestamptz,
      ADD COLUMN suspension_id text,
      ADD COLUMN extension jsonb`);
    await q.query(`CREATE TABLE approval.case_clocks (
      case_no text PRIMARY KEY,
      legal_deadline timestamptz NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // A resume is applied once, and only after its suspension was: events of the two types may arrive in any order.
    await q.query(`CREATE TABLE approval.suspensions (
      suspension_id text PRIMARY KEY,
      case_no text NOT NULL,
      started_at timestamptz NOT NULL,
      resumed_at timestamptz,
      suspended_working_days int)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE approval.suspensions, approval.case_clocks`);
    await q.query(`ALTER TABLE approval.review_tasks DROP COLUMN extension, DROP COLUMN suspension_id, DROP COLUMN paused_at`);
    await q.query(`ALTER TABLE approval.review_tasks DROP CONSTRAINT review_tasks_status_check`);
    await q.query(`ALTER TABLE approval.review_tasks ADD CONSTRAINT review_tasks_status_check
      CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED', 'SUPPLEMENT_REQUESTED', 'CANCELLED'))`);
  }
}
