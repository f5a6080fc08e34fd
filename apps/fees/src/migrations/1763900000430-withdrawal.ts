import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Withdrawal (issue #3): an unpaid notice is voided, a paid one becomes REFUND_DUE (there is no refund flow yet:
 * the status is the record that money is owed back); a case withdrawn before approval never gets a notice.
 */
export class Withdrawal1763900000430 implements MigrationInterface {
  name = 'Withdrawal1763900000430';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fees.assessments ADD COLUMN withdrawn_at timestamptz`);
    await q.query(`ALTER TABLE fees.payment_notices
      DROP CONSTRAINT payment_notices_status_check,
      ADD CONSTRAINT payment_notices_status_check CHECK (status IN ('UNPAID', 'PAID', 'VOID', 'REFUND_DUE', 'REFUNDED')),
      ADD COLUMN closed_at timestamptz,
      ADD COLUMN close_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fees.payment_notices DROP COLUMN close_reason, DROP COLUMN closed_at,
      DROP CONSTRAINT payment_notices_status_check,
      ADD CONSTRAINT payment_notices_status_check CHECK (status IN ('UNPAID', 'PAID', 'VOID', 'REFUNDED'))`);
    await q.query(`ALTER TABLE fees.assessments DROP COLUMN withdrawn_at`);
  }
}
