import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '#libs/messaging';

export class Init1763900000200 implements MigrationInterface {
  name = 'Init1763900000200';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesUp('approval')) await q.query(sql);
    // One task per department per stage: the unique key is what makes opening a stage twice harmless.
    await q.query(`CREATE TABLE approval.review_tasks (
      id uuid PRIMARY KEY,
      case_no text NOT NULL,
      item_code text NOT NULL,
      item_name text NOT NULL,
      department text NOT NULL,
      stage int NOT NULL,
      status text NOT NULL CHECK (status IN ('OPEN', 'APPROVED', 'REJECTED', 'SUPPLEMENT_REQUESTED', 'CANCELLED')),
      due_at timestamptz NOT NULL,
      decision text CHECK (decision IN ('APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT')),
      opinion text,
      decided_by text,
      decided_at timestamptz,
      cancel_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      version int NOT NULL DEFAULT 1,
      UNIQUE (case_no, stage, department))`);
    // A department's queue: its tasks in one status, soonest due first.
    await q.query(`CREATE INDEX review_tasks_queue ON approval.review_tasks (department, status, due_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE approval.review_tasks`);
    for (const sql of messagingTablesDown('approval')) await q.query(sql);
  }
}
