import { randomBytes } from 'node:crypto';
import { canConnect, dropDatabase, ensureDatabase } from '../../scripts/stack.mjs';

export interface Infrastructure {
  /** A PostgreSQL URL whose database part is replaced per test file. */
  postgresUrl: string;
  natsUrl: string;
  source: 'env' | 'local' | 'testcontainers';
}

let resolved: Promise<Infrastructure> | undefined;

/**
 * PostgreSQL and NATS for tests, in this order: DATABASE_URL / NATS_URL if set; the local services on
 * 127.0.0.1:5432 / :4222 if they answer; otherwise containers (needs Docker). If none works, one clear error.
 */
export function infrastructure(): Promise<Infrastructure> {
  return (resolved ??= resolve());
}

async function resolve(): Promise<Infrastructure> {
  const envPg = process.env.DATABASE_URL;
  const envNats = process.env.NATS_URL;
  const pg = envPg ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const nats = envNats ?? 'nats://127.0.0.1:4222';
  const [pgUp, natsUp] = await Promise.all([canConnect(pg), canConnect(nats)]);
  if (pgUp && natsUp) return { postgresUrl: pg, natsUrl: nats, source: envPg || envNats ? 'env' : 'local' };
  try {
    return await fromContainers(pgUp ? pg : undefined, natsUp ? nats : undefined);
  } catch (e) {
    throw new Error(
      `Tests need PostgreSQL and NATS with JetStream. Tried ${pg} (${pgUp ? 'up' : 'down'}), ${nats} (${natsUp ? 'up' : 'down'}), ` +
        `then testcontainers (${(e as Error).message.split('\n')[0]}). Start the local services ` +
        `(pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start; nats-server -js), set DATABASE_URL/NATS_URL, or start Docker.`,
    );
  }
}

async function fromContainers(pgUrl?: string, natsUrl?: string): Promise<Infrastructure> {
  const { GenericContainer, Wait } = await import('testcontainers');
  if (!pgUrl) {
    const c = await new GenericContainer('postgres:16-alpine')
      .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
    pgUrl = `postgres://postgres@${c.getHost()}:${c.getMappedPort(5432)}/postgres`;
  }
  if (!natsUrl) {
    const c = await new GenericContainer('nats:2.10-alpine').withCommand(['-js']).withExposedPorts(4222).start();
    natsUrl = `nats://${c.getHost()}:${c.getMappedPort(4222)}`;
  }
  return { postgresUrl: pgUrl, natsUrl, source: 'testcontainers' };
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** A fresh database for one test file, so no test sees another's rows. */
export async function freshDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const infra = await infrastructure();
  const u = new URL(infra.postgresUrl);
  u.pathname = `/${uniqueName(prefix)}`;
  const url = u.toString();
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}
