import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Case search walks acceptance time downwards, optionally within one status. */
export class CaseSearch1763900000480 implements MigrationInterface {
  name = 'CaseSearch1763900000480';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX workflows_accepted ON routing.workflows (accepted_at DESC, case_no DESC)`);
    await q.query(`CREATE INDEX workflows_status_accepted ON routing.workflows (status, accepted_at DESC, case_no DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX routing.workflows_accepted, routing.workflows_status_accepted`);
  }
}
