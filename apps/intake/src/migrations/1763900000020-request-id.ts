import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A case remembers the request that created it and the answer given, so a retried acceptance finds the first case. */
export class RequestId1763900000020 implements MigrationInterface {
  name = 'RequestId1763900000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.cases ADD COLUMN request_id text, ADD COLUMN reply jsonb`);
    await q.query(`ALTER TABLE intake.cases ADD CONSTRAINT cases_request_id_key UNIQUE (request_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.cases DROP COLUMN request_id, DROP COLUMN reply`);
  }
}
