import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { queryOne } from '#libs/persistence';

export interface RefreshTokenRow {
  id: string;
  family: string;
  username: string;
  expired: boolean;
  used: boolean;
  revoked: boolean;
}

/** gateway.refresh_tokens: rotating refresh tokens, by family; only a token's SHA-256 is kept. */
@Injectable()
export class RefreshTokenRepository {
  constructor(private readonly ds: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  async add(m: EntityManager, t: { id: string; family: string; username: string; tokenHash: string; ttlSeconds: number }): Promise<void> {
    await m.query(
      `INSERT INTO gateway.refresh_tokens (id, family, username, token_hash, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [t.id, t.family, t.username, t.tokenHash, t.ttlSeconds],
    );
  }

  /** The token, locked, so two refreshes with the same token meet here and the second sees it used. */
  lockByHash(m: EntityManager, tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return queryOne<RefreshTokenRow>(
      m,
      `SELECT id, family, username, expires_at <= now() AS expired, used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked
         FROM gateway.refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
  }

  async markUsed(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE gateway.refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
  }

  async revokeFamily(m: EntityManager, family: string): Promise<void> {
    await m.query(`UPDATE gateway.refresh_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE family = $1`, [family]);
  }

  async revokeUser(m: EntityManager, username: string): Promise<void> {
    await m.query(`UPDATE gateway.refresh_tokens SET revoked_at = now() WHERE username = $1 AND revoked_at IS NULL`, [username]);
  }
}
