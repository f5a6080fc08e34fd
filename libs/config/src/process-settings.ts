import { wholeNumber } from './whole-number.js';

/** How every service process runs, whatever its work. */
export interface ProcessSettings {
  /** BIND_HOST: the address the HTTP port (the gateway's API, a service's /health) listens on. */
  bindHost: string;
  /** MIGRATE_ONLY=true: apply the migrations and exit (the launcher's `npm run migrate`). */
  migrateOnly: boolean;
  /** DB_POOL_SIZE: PostgreSQL connections per process. */
  dbPoolSize: number;
  /** LOG_FORMAT: `json` writes one JSON object per line for a log shipper; `text` stays readable in a terminal. */
  logFormat: 'text' | 'json';
}

export function readProcessSettings(env: NodeJS.ProcessEnv, problems: string[]): ProcessSettings {
  const logFormat = env.LOG_FORMAT ?? 'text';
  if (logFormat !== 'text' && logFormat !== 'json') problems.push(`LOG_FORMAT must be text or json, got "${logFormat}"`);
  return {
    bindHost: env.BIND_HOST ?? '127.0.0.1',
    migrateOnly: env.MIGRATE_ONLY === 'true',
    dbPoolSize: wholeNumber(env, 'DB_POOL_SIZE', 10, { min: 1, unit: 'connections' }, problems),
    logFormat: logFormat as ProcessSettings['logFormat'],
  };
}
