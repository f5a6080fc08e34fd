import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '#libs/messaging';

export class Init1763900000000 implements MigrationInterface {
  name = 'Init1763900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesUp('fees')) await q.query(sql);
    // approved_at marks that the approval was acted on, so a zero-fee case is settled once, not once per redelivery.
    await q.query(`CREATE TABLE fees.assessments (
      case_no text PRIMARY KEY,
      lines jsonb NOT NULL,
      total_fen bigint NOT NULL CHECK (total_fen >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      approved_at timestamptz)`);
    await q.query(`CREATE SEQUENCE fees.payment_notice_seq`);
    await q.query(`CREATE TABLE fees.payment_notices (
      notice_no text PRIMARY KEY,
      case_no text NOT NULL UNIQUE,
      items jsonb NOT NULL,
      total_fen bigint NOT NULL CHECK (total_fen > 0),
      paid_fen bigint NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
      status text NOT NULL CHECK (status IN ('UNPAID', 'PAID', 'VOID', 'REFUNDED')),
      issued_at timestamptz NOT NULL DEFAULT now(),
      paid_at timestamptz,
      version int NOT NULL DEFAULT 1)`);
    await q.query(`CREATE INDEX payment_notices_status_issued ON fees.payment_notices (status, issued_at DESC)`);
    await q.query(`CREATE INDEX payment_notices_issued ON fees.payment_notices (issued_at DESC)`);
    await q.query(`CREATE TABLE fees.payments (
      id uuid PRIMARY KEY,
      notice_no text NOT NULL REFERENCES fees.payment_notices (notice_no),
      amount_fen bigint NOT NULL CHECK (amount_fen > 0),
      channel text NOT NULL,
      reference text NOT NULL,
      recorded_by text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT payments_reference_key UNIQUE (reference))`);
    await q.query(`CREATE INDEX payments_notice_no ON fees.payments (notice_no)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fees.payments, fees.payment_notices, fees.assessments`);
    await q.query(`DROP SEQUENCE fees.payment_notice_seq`);
    for (const sql of messagingTablesDown('fees')) await q.query(sql);
  }
}
