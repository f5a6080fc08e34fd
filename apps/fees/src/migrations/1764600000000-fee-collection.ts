import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fee collection finished (issue #9). A case may now have several notices over time (an expired one is VOID and
 * reissued), but only one that is not VOID. Payments say where they came from and whether they were owed; money
 * received that was not owed (a double payment) is kept as an unapplied payment until it is refunded. Each payment
 * and refund stores its split per department, so the day's reconciliation is a sum over rows.
 */
export class FeeCollection1764600000000 implements MigrationInterface {
  name = 'FeeCollection1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fees.assessments
      ADD COLUMN item_code text, ADD COLUMN item_name text, ADD COLUMN item_version int, ADD COLUMN center_code text`);
    await q.query(`CREATE TABLE fees.payee_accounts (
      department text PRIMARY KEY,
      department_name text NOT NULL,
      account_name text NOT NULL,
      bank text NOT NULL,
      account_no text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE fees.center_settings (
      center_code text PRIMARY KEY,
      notice_validity_days int NOT NULL CHECK (notice_validity_days BETWEEN 1 AND 365))`);

    await q.query(`ALTER TABLE fees.payment_notices DROP CONSTRAINT payment_notices_case_no_key`);
    await q.query(`CREATE UNIQUE INDEX payment_notices_live_case ON fees.payment_notices (case_no) WHERE status <> 'VOID'`);
    await q.query(`CREATE INDEX payment_notices_case ON fees.payment_notices (case_no)`);
    await q.query(`ALTER TABLE fees.payment_notices
      ADD COLUMN center_code text,
      ADD COLUMN expires_at timestamptz,
      ADD COLUMN replaces text,
      ADD COLUMN replaced_by text,
      ADD COLUMN refunded_fen bigint NOT NULL DEFAULT 0 CHECK (refunded_fen >= 0)`);
    await q.query(`CREATE INDEX payment_notices_expires ON fees.payment_notices (expires_at) WHERE status = 'UNPAID'`);
    await q.query(`CREATE INDEX payment_notices_closed ON fees.payment_notices (closed_at) WHERE closed_at IS NOT NULL`);

    // applied = false: money received for a notice that was already paid; owed back to the payer.
    await q.query(`ALTER TABLE fees.payments
      ADD COLUMN source text NOT NULL DEFAULT 'WINDOW' CHECK (source IN ('WINDOW', 'CALLBACK')),
      ADD COLUMN paid_at timestamptz,
      ADD COLUMN applied boolean NOT NULL DEFAULT true,
      ADD COLUMN split jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`UPDATE fees.payments SET paid_at = recorded_at WHERE paid_at IS NULL`);
    await q.query(`ALTER TABLE fees.payments ALTER COLUMN paid_at SET NOT NULL`);
    await q.query(`CREATE INDEX payments_paid_at ON fees.payments (paid_at)`);

    await q.query(`CREATE SEQUENCE fees.refund_seq`);
    await q.query(`CREATE TABLE fees.refunds (
      refund_no text PRIMARY KEY,
      notice_no text NOT NULL REFERENCES fees.payment_notices (notice_no),
      case_no text NOT NULL,
      payment_id uuid REFERENCES fees.payments (id),
      amount_fen bigint NOT NULL CHECK (amount_fen > 0),
      channel text NOT NULL,
      reason text NOT NULL,
      split jsonb NOT NULL,
      refunded_by text NOT NULL,
      refunded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX refunds_notice ON fees.refunds (notice_no)`);
    await q.query(`CREATE INDEX refunds_refunded_at ON fees.refunds (refunded_at)`);

    // Every signed callback a bank sent, with the answer it got: a retry gets the same answer, and what could not
    // be applied (unknown, void or expired notice, double payment) is an exception in the day's reconciliation.
    await q.query(`CREATE TABLE fees.bank_callbacks (
      bank_reference text PRIMARY KEY,
      notice_no text NOT NULL,
      amount_fen bigint NOT NULL,
      channel text NOT NULL,
      paid_at timestamptz NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('PAID', 'DOUBLE_PAYMENT', 'UNKNOWN_NOTICE', 'NOT_PAYABLE', 'EXPIRED', 'AMOUNT_MISMATCH')),
      status_code int NOT NULL,
      answer jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX bank_callbacks_received ON fees.bank_callbacks (received_at) WHERE outcome <> 'PAID'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fees.bank_callbacks, fees.refunds`);
    await q.query(`DROP SEQUENCE fees.refund_seq`);
    await q.query(`ALTER TABLE fees.payments DROP COLUMN split, DROP COLUMN applied, DROP COLUMN paid_at, DROP COLUMN source`);
    await q.query(`DROP INDEX fees.payment_notices_closed, fees.payment_notices_expires, fees.payment_notices_case, fees.payment_notices_live_case`);
    await q.query(`ALTER TABLE fees.payment_notices DROP COLUMN refunded_fen, DROP COLUMN replaced_by, DROP COLUMN replaces,
      DROP COLUMN expires_at, DROP COLUMN center_code, ADD CONSTRAINT payment_notices_case_no_key UNIQUE (case_no)`);
    await q.query(`DROP TABLE fees.center_settings, fees.payee_accounts`);
    await q.query(`ALTER TABLE fees.assessments DROP COLUMN center_code, DROP COLUMN item_version, DROP COLUMN item_name, DROP COLUMN item_code`);
  }
}
