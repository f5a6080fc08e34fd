import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The department workbench (#4): who a task is assigned to, who a backup decided for, backups (AB岗), the audit
 * trail, joint site surveys (联合踏勘) and consultation opinions (会商).
 */
export class Workbench1763900000410 implements MigrationInterface {
  name = 'Workbench1763900000410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE approval.review_tasks
      ADD COLUMN assignee text,
      ADD COLUMN decided_on_behalf_of text`);
    // Worklists: a department's tasks (in one status, or all) in due order, the id breaking ties; the cursor is
    // (due_at, id). The first index also serves everything the old (department, status, due_at) one did.
    await q.query(`CREATE INDEX review_tasks_worklist ON approval.review_tasks (department, status, due_at, id)`);
    await q.query(`CREATE INDEX review_tasks_worklist_all ON approval.review_tasks (department, due_at, id)`);
    await q.query(`DROP INDEX IF EXISTS approval.review_tasks_queue`);
    await q.query(`CREATE INDEX review_tasks_case ON approval.review_tasks (case_no, stage)`);

    await q.query(`CREATE TABLE approval.delegations (
      id uuid PRIMARY KEY,
      department text NOT NULL,
      primary_user text NOT NULL,
      backup_user text NOT NULL,
      valid_from timestamptz NOT NULL,
      valid_to timestamptz NOT NULL,
      reason text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revoked_by text,
      CHECK (valid_to > valid_from),
      CHECK (backup_user <> primary_user))`);
    // "Which departments may this user act for now?" is asked on every decision and worklist of a backup.
    await q.query(`CREATE INDEX delegations_backup ON approval.delegations (backup_user, valid_to) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX delegations_department ON approval.delegations (department, created_at)`);

    await q.query(`CREATE TABLE approval.audit_log (
      id uuid PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor jsonb NOT NULL,
      action text NOT NULL,
      department text NOT NULL,
      task_id uuid,
      case_no text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb)`);
    await q.query(`CREATE INDEX audit_log_department ON approval.audit_log (department, at DESC, id DESC)`);

    await q.query(`CREATE TABLE approval.site_surveys (
      id uuid PRIMARY KEY,
      case_no text NOT NULL,
      stage int NOT NULL,
      lead_department text NOT NULL,
      at timestamptz NOT NULL,
      place text NOT NULL,
      departments text[] NOT NULL,
      notified text[] NOT NULL,
      scheduled_by text NOT NULL,
      scheduled_on_behalf_of text,
      created_at timestamptz NOT NULL DEFAULT now(),
      recorded_at timestamptz,
      version int NOT NULL DEFAULT 1,
      UNIQUE (case_no, stage))`);
    await q.query(`CREATE TABLE approval.survey_findings (
      survey_id uuid NOT NULL REFERENCES approval.site_surveys (id),
      department text NOT NULL,
      findings text NOT NULL,
      recorded_by text NOT NULL,
      on_behalf_of text,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (survey_id, department))`);

    await q.query(`CREATE TABLE approval.opinions (
      id uuid PRIMARY KEY,
      case_no text NOT NULL,
      department text NOT NULL,
      author text NOT NULL,
      on_behalf_of text,
      opinion text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX opinions_case ON approval.opinions (case_no, created_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE approval.opinions, approval.survey_findings, approval.site_surveys, approval.audit_log, approval.delegations`);
    await q.query(`DROP INDEX approval.review_tasks_case, approval.review_tasks_worklist_all, approval.review_tasks_worklist`);
    await q.query(`CREATE INDEX review_tasks_queue ON approval.review_tasks (department, status, due_at)`);
    await q.query(`ALTER TABLE approval.review_tasks DROP COLUMN decided_on_behalf_of, DROP COLUMN assignee`);
  }
}
