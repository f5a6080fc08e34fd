import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wrong ID tails per case number on the public page (#10), in PostgreSQL so every gateway replica counts the same
 * guesses: ten within the window lock the number's public lookups until locked_until. Rows of unknown case numbers
 * are kept too (the lock must not tell an existing case from an unknown one) and purged once stale.
 */
export class PublicLookups1764700000200 implements MigrationInterface {
  name = 'PublicLookups1764700000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gateway.public_lookup_failures (
      case_no text PRIMARY KEY,
      failures int NOT NULL,
      first_failure_at timestamptz NOT NULL,
      locked_until timestamptz)`);
    await q.query(`CREATE INDEX public_lookup_failures_first ON gateway.public_lookup_failures (first_failure_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.public_lookup_failures`);
  }
}
