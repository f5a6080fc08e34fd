import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Withdrawn cases (issue #3): a stage opening after the withdrawal hands out no tasks. */
export class WithdrawnCases1763900000430 implements MigrationInterface {
  name = 'WithdrawnCases1763900000430';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE approval.withdrawn_cases (
      case_no text PRIMARY KEY,
      reason text NOT NULL,
      withdrawn_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE approval.withdrawn_cases`);
  }
}
