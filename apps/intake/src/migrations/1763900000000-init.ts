import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '#libs/messaging';

export class Init1763900000000 implements MigrationInterface {
  name = 'Init1763900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesUp('intake')) await q.query(sql);
    await q.query(`CREATE TABLE intake.departments (code text PRIMARY KEY, name text NOT NULL)`);
    await q.query(`CREATE TABLE intake.centers (
      code text PRIMARY KEY, name text NOT NULL, level text NOT NULL, region text NOT NULL)`);
    // Every published version of an item is kept: a case keeps the version it was accepted under.
    await q.query(`CREATE TABLE intake.service_items (
      code text NOT NULL,
      version int NOT NULL,
      name text NOT NULL,
      definition jsonb NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (code, version))`);
    await q.query(`CREATE TABLE intake.case_number_counters (
      region text NOT NULL, day date NOT NULL, last_seq int NOT NULL, PRIMARY KEY (region, day))`);
    await q.query(`CREATE TABLE intake.cases (
      case_no text PRIMARY KEY,
      item_code text NOT NULL,
      item_version int NOT NULL,
      item_name text NOT NULL,
      case_type text NOT NULL,
      center_code text NOT NULL,
      status text NOT NULL,
      applicant jsonb NOT NULL,
      materials jsonb NOT NULL,
      form jsonb NOT NULL,
      delivery jsonb NOT NULL,
      accepted_at timestamptz NOT NULL,
      accepted_by text NOT NULL,
      promised_deadline timestamptz NOT NULL,
      legal_deadline timestamptz NOT NULL,
      version int NOT NULL DEFAULT 1,
      FOREIGN KEY (item_code, item_version) REFERENCES intake.service_items (code, version))`);
    await q.query(`CREATE INDEX cases_accepted_at ON intake.cases (accepted_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.cases, intake.case_number_counters, intake.service_items, intake.centers, intake.departments`);
    for (const sql of messagingTablesDown('intake')) await q.query(sql);
  }
}
