import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { newId } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import type { TokenClaims } from '../auth-user.js';
import type { UserRow } from '../users.repository.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';

export interface TokenPair {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Signs access tokens (JWT, short) and makes refresh tokens (random, rotated, stored hashed) for a family. */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokenRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async pair(m: EntityManager, user: UserRow, family: string = newId()): Promise<TokenPair> {
    const claims: TokenClaims = { sub: user.username, roles: user.roles, ...(user.department ? { department: user.department } : {}) };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds });
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.add(m, {
      id: newId(),
      family,
      username: user.username,
      tokenHash: hashRefreshToken(refreshToken),
      ttlSeconds: this.config.refreshTokenTtlSeconds,
    });
    return { accessToken, expiresIn: this.config.accessTokenTtlSeconds, refreshToken, refreshExpiresIn: this.config.refreshTokenTtlSeconds };
  }
}
