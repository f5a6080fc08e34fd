import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Working time a task spent paused by supplements, so the worklist's warning level leaves it out as routing's sweep does. */
export class PausedTime1763900000470 implements MigrationInterface {
  name = 'PausedTime1763900000470';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE approval.review_tasks ADD COLUMN paused_ms bigint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE approval.review_tasks DROP COLUMN paused_ms`);
  }
}
