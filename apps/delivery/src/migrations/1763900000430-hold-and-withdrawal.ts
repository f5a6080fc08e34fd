import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #3. A tolerant acceptance's case is not issued while materials are pending: settled_at marks fees settled
 * while issuance waits. A withdrawal cancels a READY delivery (withdrawn_at stops a later issuance). A window
 * delivery records the center that hands it out (the accepting one by default: 就近办).
 */
export class HoldAndWithdrawal1763900000430 implements MigrationInterface {
  name = 'HoldAndWithdrawal1763900000430';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delivery.case_profiles
      ADD COLUMN pending_materials jsonb NOT NULL DEFAULT '[]'::jsonb,
      ADD COLUMN settled_at timestamptz,
      ADD COLUMN withdrawn_at timestamptz`);
    await q.query(`ALTER TABLE delivery.deliveries
      DROP CONSTRAINT deliveries_status_check,
      ADD CONSTRAINT deliveries_status_check CHECK (status IN ('READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED')),
      ADD COLUMN pickup_center text,
      ADD COLUMN cancelled_at timestamptz,
      ADD COLUMN cancel_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delivery.deliveries DROP COLUMN cancel_reason, DROP COLUMN cancelled_at, DROP COLUMN pickup_center,
      DROP CONSTRAINT deliveries_status_check,
      ADD CONSTRAINT deliveries_status_check CHECK (status IN ('READY', 'DISPATCHED', 'DELIVERED'))`);
    await q.query(`ALTER TABLE delivery.case_profiles DROP COLUMN withdrawn_at, DROP COLUMN settled_at, DROP COLUMN pending_materials`);
  }
}
