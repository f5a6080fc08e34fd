/** The gateway's accounts and sessions (issue #11); other services keep the defaults. */
export interface SessionSettings {
  /** ACCESS_TOKEN_TTL_SECONDS: how long an access token (JWT) lives; at most 900 (15 minutes). */
  accessTokenTtlSeconds: number;
  /** REFRESH_TOKEN_TTL_SECONDS: how long a refresh token may be used (each use rotates it); default 12 hours. */
  refreshTokenTtlSeconds: number;
  /** LOGIN_LOCK_THRESHOLD failed logins within LOGIN_LOCK_MINUTES lock the account for LOGIN_LOCK_MINUTES. */
  loginLockThreshold: number;
  loginLockMinutes: number;
  /** USER_CACHE_MS: how long the gateway trusts what it read of a user (exists, active, roles); at most 30000. */
  userCacheMs: number;
  /** CORS_ORIGINS: comma-separated origins allowed to call the API from a browser; unset: CORS off. */
  corsOrigins: string[];
}

export const SESSION_DEFAULTS: SessionSettings = {
  accessTokenTtlSeconds: 900,
  refreshTokenTtlSeconds: 43_200,
  loginLockThreshold: 5,
  loginLockMinutes: 15,
  userCacheMs: 30_000,
  corsOrigins: [],
};

export function readSessionSettings(env: NodeJS.ProcessEnv, problems: string[]): SessionSettings {
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name] ?? String(fallback);
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || n < min || n > max) problems.push(`${name} must be a whole number ${min}-${max}, got "${raw}"`);
    return n;
  };
  return {
    accessTokenTtlSeconds: int('ACCESS_TOKEN_TTL_SECONDS', SESSION_DEFAULTS.accessTokenTtlSeconds, 30, 900),
    refreshTokenTtlSeconds: int('REFRESH_TOKEN_TTL_SECONDS', SESSION_DEFAULTS.refreshTokenTtlSeconds, 60, 30 * 86_400),
    loginLockThreshold: int('LOGIN_LOCK_THRESHOLD', SESSION_DEFAULTS.loginLockThreshold, 1, 100),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', SESSION_DEFAULTS.loginLockMinutes, 1, 1440),
    userCacheMs: int('USER_CACHE_MS', SESSION_DEFAULTS.userCacheMs, 0, 30_000),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}

/** Secrets everybody knows: a production start refuses them as JWT_SECRET. */
const PLACEHOLDER_SECRETS = ['change-me', 'changeme', 'secret', 'dev-only-secret-change-me', 'jwt-secret', 'your-secret', 'please-change'];

/** A production JWT secret has at least 32 bytes and is not a known placeholder. */
export function jwtSecretProblem(secret: string, production: boolean): string | null {
  if (!production) return null;
  if (PLACEHOLDER_SECRETS.includes(secret.trim().toLowerCase())) return 'JWT_SECRET must be set in production (it is a known placeholder)';
  if (Buffer.byteLength(secret, 'utf8') < 32) return 'JWT_SECRET must be at least 32 bytes in production';
  return null;
}
