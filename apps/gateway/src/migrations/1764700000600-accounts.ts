import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and sessions (issue #11): users can be disabled and made to change a one-time password; which centers a
 * clerk serves; failed logins lock an account across replicas; refresh tokens rotate within a family (only their
 * SHA-256 is kept); and every login attempt and account change goes to gateway.security_log.
 */
export class Accounts1764700000600 implements MigrationInterface {
  name = 'Accounts1764700000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE gateway.users
      ADD COLUMN disabled_at timestamptz,
      ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
      ADD COLUMN centers text[] NOT NULL DEFAULT '{}',
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE TABLE gateway.login_locks (
      username text PRIMARY KEY,
      failures int NOT NULL,
      first_failure_at timestamptz NOT NULL,
      locked_until timestamptz)`);
    await q.query(`CREATE TABLE gateway.refresh_tokens (
      id uuid PRIMARY KEY,
      family uuid NOT NULL,
      username text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      issued_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      revoked_at timestamptz)`);
    await q.query(`CREATE INDEX refresh_tokens_family ON gateway.refresh_tokens (family)`);
    await q.query(`CREATE INDEX refresh_tokens_username ON gateway.refresh_tokens (username) WHERE revoked_at IS NULL`);
    await q.query(`CREATE TABLE gateway.security_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text,
      action text NOT NULL,
      target text,
      ip text,
      outcome text NOT NULL,
      detail jsonb)`);
    await q.query(`CREATE INDEX security_log_target_at ON gateway.security_log (target, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.security_log, gateway.refresh_tokens, gateway.login_locks`);
    await q.query(`ALTER TABLE gateway.users DROP COLUMN updated_at, DROP COLUMN centers, DROP COLUMN must_change_password, DROP COLUMN disabled_at`);
  }
}
