import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '#libs/messaging';

export class Init1763900000100 implements MigrationInterface {
  name = 'Init1763900000100';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesUp('routing')) await q.query(sql);
    // The plan is copied from the CaseAccepted event: a case keeps the review plan it was accepted under.
    await q.query(`CREATE TABLE routing.workflows (
      case_no text PRIMARY KEY,
      item_code text NOT NULL,
      item_name text NOT NULL,
      plan jsonb NOT NULL,
      current_stage int NOT NULL DEFAULT 0,
      status text NOT NULL CHECK (status IN ('ACCEPTED', 'IN_REVIEW', 'SUSPENDED', 'REJECTED', 'APPROVED',
        'AWAITING_PAYMENT', 'READY_FOR_DELIVERY', 'DELIVERING', 'DELIVERED', 'WITHDRAWN')),
      accepted_at timestamptz NOT NULL,
      promised_deadline timestamptz NOT NULL,
      legal_deadline timestamptz NOT NULL,
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE routing.stage_decisions (
      case_no text NOT NULL REFERENCES routing.workflows (case_no),
      stage int NOT NULL,
      department text NOT NULL,
      decision text NOT NULL CHECK (decision IN ('APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT')),
      opinion text NOT NULL DEFAULT '',
      decided_by text NOT NULL,
      decided_at timestamptz NOT NULL,
      PRIMARY KEY (case_no, stage, department))`);
    // event_id makes recording idempotent: an event is one entry however often it is handled or emitted.
    await q.query(`CREATE TABLE routing.timeline (
      id bigserial PRIMARY KEY,
      case_no text NOT NULL,
      at timestamptz NOT NULL,
      type text NOT NULL,
      actor jsonb NOT NULL,
      data jsonb NOT NULL,
      event_id uuid NOT NULL UNIQUE)`);
    await q.query(`CREATE INDEX timeline_case_at ON routing.timeline (case_no, at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE routing.timeline, routing.stage_decisions, routing.workflows`);
    for (const sql of messagingTablesDown('routing')) await q.query(sql);
  }
}
