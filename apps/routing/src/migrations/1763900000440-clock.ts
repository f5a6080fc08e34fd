import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clock (#4): estimated deadlines, supplement suspensions, the case's and each task's clock, and the warnings
 * raised on them. `next_check_at` is derived from the clock (generated column), so whatever moves a due or yellow
 * time also moves the one index the warning sweep reads: it touches only rows whose time has come.
 */
export class Clock1763900000440 implements MigrationInterface {
  name = 'Clock1763900000440';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE routing.workflows
      ADD COLUMN deadline_estimated boolean NOT NULL DEFAULT false,
      ADD COLUMN estimated_years int[] NOT NULL DEFAULT '{}'`);

    await q.query(`CREATE TABLE routing.suspensions (
      id uuid PRIMARY KEY,
      case_no text NOT NULL REFERENCES routing.workflows (case_no),
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      reason text NOT NULL,
      requested jsonb NOT NULL,
      supplied jsonb NOT NULL DEFAULT '[]'::jsonb,
      task_id text NOT NULL,
      department text NOT NULL,
      stage int NOT NULL,
      suspended_working_days int,
      end_reason text CHECK (end_reason IN ('SUPPLIED', 'CASE_CLOSED')),
      CHECK (ended_at IS NULL OR ended_at >= started_at))`);
    await q.query(`CREATE INDEX suspensions_case ON routing.suspensions (case_no, started_at)`);
    // At most one open suspension per case: a second department asking meanwhile joins it.
    await q.query(`CREATE UNIQUE INDEX suspensions_one_open ON routing.suspensions (case_no) WHERE ended_at IS NULL`);

    const nextCheck = `next_check_at timestamptz GENERATED ALWAYS AS (
        CASE WHEN status = 'OPEN' THEN LEAST(CASE WHEN yellow_raised_at IS NULL THEN yellow_at END,
                                             CASE WHEN red_raised_at IS NULL THEN due_at END) END) STORED`;
    await q.query(`CREATE TABLE routing.case_clocks (
      case_no text PRIMARY KEY REFERENCES routing.workflows (case_no),
      item_code text NOT NULL,
      item_name text NOT NULL,
      started_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('OPEN', 'PAUSED', 'CLOSED')),
      yellow_at timestamptz NOT NULL,
      yellow_raised_at timestamptz,
      red_raised_at timestamptz,
      closed_at timestamptz,
      outcome text,
      ${nextCheck})`);
    await q.query(`CREATE TABLE routing.task_clocks (
      case_no text NOT NULL REFERENCES routing.workflows (case_no),
      stage int NOT NULL,
      department text NOT NULL,
      task_id text NOT NULL,
      item_code text NOT NULL,
      item_name text NOT NULL,
      started_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('OPEN', 'PAUSED', 'CLOSED')),
      extended_days int,
      yellow_at timestamptz NOT NULL,
      yellow_raised_at timestamptz,
      red_raised_at timestamptz,
      closed_at timestamptz,
      outcome text,
      ${nextCheck},
      PRIMARY KEY (case_no, stage, department))`);
    for (const t of ['case_clocks', 'task_clocks']) {
      await q.query(`CREATE INDEX ${t}_next_check ON routing.${t} (next_check_at) WHERE next_check_at IS NOT NULL`);
      await q.query(`CREATE INDEX ${t}_started ON routing.${t} (started_at)`);
      await q.query(`CREATE INDEX ${t}_closed ON routing.${t} (closed_at) WHERE closed_at IS NOT NULL`);
      await q.query(`CREATE INDEX ${t}_running ON routing.${t} (status) WHERE status <> 'CLOSED'`);
    }
    await q.query(`CREATE INDEX task_clocks_task ON routing.task_clocks (task_id)`);

    // Each level once per case or task: '' stands for the case itself. The sweep's row claim is the guard; this is the proof.
    await q.query(`CREATE TABLE routing.warnings (
      id bigserial PRIMARY KEY,
      case_no text NOT NULL,
      task_id text NOT NULL DEFAULT '',
      subject text NOT NULL CHECK (subject IN ('CASE', 'TASK')),
      department text,
      level text NOT NULL CHECK (level IN ('YELLOW', 'RED')),
      due_at timestamptz NOT NULL,
      raised_at timestamptz NOT NULL,
      event_id uuid,
      UNIQUE (case_no, task_id, level))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE routing.warnings, routing.task_clocks, routing.case_clocks, routing.suspensions`);
    await q.query(`ALTER TABLE routing.workflows DROP COLUMN estimated_years, DROP COLUMN deadline_estimated`);
  }
}
