import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 前台综合受理 (issue #3): what a case owes and who decides it, one-time notices, refusals, supplements, withdrawal.
 * intake.cases.status is intake's own view of the case's end: ACCEPTED until routing rejects it or delivery sends
 * the result out (both learnt from events), or the applicant withdraws it here. It guards withdrawal and supplements.
 */
export class WindowIntake1763900000010 implements MigrationInterface {
  name = 'WindowIntake1763900000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.cases
      ADD COLUMN pending_materials jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN pending_due_at timestamptz,
      ADD COLUMN deciding_authority jsonb,
      ADD COLUMN immediate_decision jsonb,
      ADD COLUMN withdrawn_at timestamptz,
      ADD COLUMN withdrawn_by text,
      ADD COLUMN withdraw_reason text,
      ADD CONSTRAINT cases_status_check CHECK (status IN ('ACCEPTED', 'REJECTED', 'DELIVERING', 'DELIVERED', 'WITHDRAWN'))`);
    await q.query(`ALTER TABLE intake.service_items ADD COLUMN published_by text`);
    // The supervisors' "overdue pending materials" list reads only cases that still owe something.
    await q.query(`CREATE INDEX cases_pending_due ON intake.cases (pending_due_at)
      WHERE pending_due_at IS NOT NULL AND pending_materials <> '[]'::jsonb`);

    await q.query(`CREATE SEQUENCE intake.one_time_notice_seq`);
    // 一次性告知书: the written list of everything missing or defective; the application itself is not kept as a case.
    await q.query(`CREATE TABLE intake.one_time_notices (
      notice_no text PRIMARY KEY,
      item_code text NOT NULL,
      item_version int NOT NULL,
      item_name text NOT NULL,
      center_code text NOT NULL,
      applicant jsonb,
      missing jsonb NOT NULL,
      issued_at timestamptz NOT NULL,
      issued_by text NOT NULL,
      FOREIGN KEY (item_code, item_version) REFERENCES intake.service_items (code, version))`);

    await q.query(`CREATE SEQUENCE intake.refusal_seq`);
    // 不予受理: a numbered written refusal with its reason.
    await q.query(`CREATE TABLE intake.refusals (
      refusal_no text PRIMARY KEY,
      item_code text NOT NULL,
      item_version int NOT NULL,
      item_name text NOT NULL,
      center_code text NOT NULL,
      applicant jsonb NOT NULL,
      reason text NOT NULL,
      refused_at timestamptz NOT NULL,
      refused_by text NOT NULL,
      FOREIGN KEY (item_code, item_version) REFERENCES intake.service_items (code, version))`);

    // Materials that arrived after acceptance: owed under tolerant acceptance or asked for by a department (补正).
    await q.query(`CREATE TABLE intake.supplements (
      id uuid PRIMARY KEY,
      case_no text NOT NULL REFERENCES intake.cases (case_no),
      materials jsonb NOT NULL,
      note text,
      pending_left jsonb NOT NULL,
      received_at timestamptz NOT NULL,
      received_by text NOT NULL)`);
    await q.query(`CREATE INDEX supplements_case ON intake.supplements (case_no, received_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.supplements, intake.refusals, intake.one_time_notices`);
    await q.query(`DROP SEQUENCE intake.refusal_seq, intake.one_time_notice_seq`);
    await q.query(`DROP INDEX intake.cases_pending_due`);
    await q.query(`ALTER TABLE intake.cases DROP CONSTRAINT cases_status_check,
      DROP COLUMN pending_materials, DROP COLUMN pending_due_at, DROP COLUMN deciding_authority, DROP COLUMN immediate_decision,
      DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_by, DROP COLUMN withdraw_reason`);
    await q.query(`ALTER TABLE intake.service_items DROP COLUMN published_by`);
  }
}
