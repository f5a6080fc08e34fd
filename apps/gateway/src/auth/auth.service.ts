import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { AppError, ErrorCodes } from '#libs/contracts';
import { SERVICE_CONFIG } from '#libs/platform';
import type { LoginReplyDto } from './dto/login-reply.dto.js';
import { hashPassword, needsRehash, verifyPassword } from './password/password-hash.js';
import { passwordProblems } from './password/password-policy.js';
import { LoginLockRepository } from './sessions/login-lock.repository.js';
import { RefreshTokenRepository } from './sessions/refresh-token.repository.js';
import { SecurityLogRepository } from './sessions/security-log.repository.js';
import { hashRefreshToken, TokenIssuer, type TokenPair } from './sessions/token-issuer.js';
import { UserCheck } from './sessions/user-check.js';
import { UsersRepository, type UserRow } from './users.repository.js';

// Checked against when the user does not exist, so an unknown name takes as long as a wrong password.
const DUMMY_HASH = await hashPassword('not-a-password-at-all');

const badCredentials = () => new AppError(ErrorCodes.AUTH_INVALID_CREDENTIALS, 'Wrong username or password.', 401);
const badRefresh = () => new AppError(ErrorCodes.AUTH_REFRESH_INVALID, 'The refresh token is invalid, expired or revoked; log in again.', 401);

/** Logins, refreshes, logouts and password changes; every attempt is written to the security log. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly locks: LoginLockRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly tokens: TokenIssuer,
    private readonly log: SecurityLogRepository,
    private readonly userCheck: UserCheck,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async login(username: string, password: string, ip: string | null): Promise<LoginReplyDto> {
    const lockedUntil = await this.locks.lockedUntil(username);
    if (lockedUntil) {
      await this.log.append({ actor: username, action: 'LOGIN', target: username, ip, outcome: 'LOCKED' });
      throw this.locked(lockedUntil);
    }
    const user = await this.users.find(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await this.log.append({ actor: username, action: 'LOGIN', target: username, ip, outcome: user?.disabled && ok ? 'DISABLED' : 'FAILED' });
      const failures = await this.locks.countFailure(username, this.config.loginLockMinutes);
      if (failures >= this.config.loginLockThreshold) throw this.locked(await this.locks.lock(username, this.config.loginLockMinutes));
      throw badCredentials();
    }
    await this.locks.clear(username);
    const pair = await this.refreshTokens.transaction(async (m) => {
      // A bcrypt hash from before, or scrypt with older parameters, is replaced now that the password is known.
      if (needsRehash(user.passwordHash)) await this.users.setPassword(m, user.username, await hashPassword(password), user.mustChangePassword);
      return this.tokens.pair(m, user);
    });
    await this.log.append({ actor: username, action: 'LOGIN', target: username, ip, outcome: 'OK' });
    return this.reply(user, pair);
  }

  /**
   * A refresh token works once: it is spent and a new pair of the same family comes back. A spent one used again
   * means it was stolen (or copied): the whole family is revoked, the thief's and the owner's sessions alike.
   */
  async refresh(refreshToken: string, ip: string | null): Promise<LoginReplyDto> {
    const outcome = await this.refreshTokens.transaction(async (m) => {
      const row = await this.refreshTokens.lockByHash(m, hashRefreshToken(refreshToken));
      if (!row) return { error: badRefresh(), outcome: 'UNKNOWN' };
      if (row.used || row.revoked) {
        await this.refreshTokens.revokeFamily(m, row.family);
        return { error: new AppError(ErrorCodes.AUTH_REFRESH_REUSED, 'This refresh token was already used; every session of its login is revoked. Log in again.', 401), outcome: 'REUSED', username: row.username };
      }
      if (row.expired) return { error: badRefresh(), outcome: 'EXPIRED', username: row.username };
      const user = await this.users.find(row.username, m);
      if (!user || user.disabled) {
        await this.refreshTokens.revokeFamily(m, row.family);
        return { error: badRefresh(), outcome: 'DISABLED', username: row.username };
      }
      await this.refreshTokens.markUsed(m, row.id);
      return { reply: this.reply(user, await this.tokens.pair(m, user, row.family)), outcome: 'OK', username: row.username };
    });
    await this.log.append({ actor: outcome.username ?? null, action: 'REFRESH', target: outcome.username ?? null, ip, outcome: outcome.outcome });
    if ('error' in outcome && outcome.error) throw outcome.error;
    return outcome.reply!;
  }

  /** Ends the session the refresh token belongs to (its whole family); an unknown token is ignored. */
  async logout(username: string, refreshToken: string | undefined, ip: string | null): Promise<void> {
    await this.refreshTokens.transaction(async (m) => {
      if (refreshToken) {
        const row = await this.refreshTokens.lockByHash(m, hashRefreshToken(refreshToken));
        if (row && row.username === username) await this.refreshTokens.revokeFamily(m, row.family);
      } else {
        await this.refreshTokens.revokeUser(m, username);
      }
    });
    await this.log.append({ actor: username, action: 'LOGOUT', target: username, ip, outcome: 'OK' });
  }

  /** The user sets their own password (after a one-time one); every other session of theirs ends. */
  async changePassword(username: string, currentPassword: string, newPassword: string, ip: string | null): Promise<void> {
    const user = await this.users.find(username);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      await this.log.append({ actor: username, action: 'PASSWORD_CHANGE', target: username, ip, outcome: 'FAILED' });
      throw new AppError(ErrorCodes.AUTH_INVALID_CREDENTIALS, 'The current password is wrong.', 401);
    }
    const problems = passwordProblems(newPassword, username);
    if (currentPassword === newPassword) problems.push({ field: 'newPassword', rule: 'notCurrent', message: 'newPassword must differ from the current one' });
    if (problems.length) throw AppError.invalid(ErrorCodes.AUTH_PASSWORD_POLICY, problems, 'The new password does not meet the policy; every problem is listed.');
    const hash = await hashPassword(newPassword);
    await this.refreshTokens.transaction(async (m) => {
      await this.users.setPassword(m, username, hash, false);
      await this.refreshTokens.revokeUser(m, username);
    });
    this.userCheck.forget(username);
    await this.log.append({ actor: username, action: 'PASSWORD_CHANGE', target: username, ip, outcome: 'OK' });
  }

  private locked(until: Date): AppError {
    const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new AppError(ErrorCodes.AUTH_ACCOUNT_LOCKED, `Too many failed logins: this account is locked for ${Math.ceil(retryAfterSeconds / 60)} more minute(s).`, 423, {
      retryAfterSeconds,
    });
  }

  private reply(user: UserRow, pair: TokenPair): LoginReplyDto {
    return {
      ...pair,
      passwordChangeRequired: user.mustChangePassword,
      user: { username: user.username, roles: user.roles, ...(user.department ? { department: user.department } : {}) },
    };
  }
}
