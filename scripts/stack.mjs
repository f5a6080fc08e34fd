// Starts the six services as child processes. Used by `npm start`, the e2e tests and the benchmark.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVICES = ['intake', 'routing', 'approval', 'fees', 'delivery', 'gateway'];
const PORT_OFFSET = { gateway: 0, intake: 1, routing: 2, approval: 3, fees: 4, delivery: 5 };

export function canConnect(url, timeoutMs = 1000) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port) || (u.protocol.startsWith('postgres') ? 5432 : 4222) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Creates the database named in the URL when it does not exist yet. */
export async function ensureDatabase(databaseUrl) {
  const u = new URL(databaseUrl);
  const name = decodeURIComponent(u.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(databaseUrl) {
  const u = new URL(databaseUrl);
  const name = decodeURIComponent(u.pathname.slice(1));
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function waitHealthy(port, timeoutMs = 30000, proc) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc && proc.exitCode !== null) throw new Error(`process on port ${port} exited with ${proc.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`nothing healthy on port ${port} after ${timeoutMs} ms`);
}

/**
 * @param {{databaseUrl: string, natsUrl: string, namespace?: string, basePort?: number, seedDemo?: boolean,
 *          env?: Record<string,string>, output?: (service: string, line: string) => void}} opts
 */
export function createStack(opts) {
  const basePort = opts.basePort ?? 3000;
  const procs = new Map();
  const ports = Object.fromEntries(SERVICES.map((s) => [s, basePort + PORT_OFFSET[s]]));

  function envFor(service) {
    return {
      ...process.env,
      ...opts.env,
      DATABASE_URL: opts.databaseUrl,
      NATS_URL: opts.natsUrl,
      NATS_NAMESPACE: opts.namespace ?? 'ow',
      SEED_DEMO: opts.seedDemo === false ? 'false' : 'true',
      [`${service.toUpperCase()}_PORT`]: String(ports[service]),
    };
  }

  function start(service, extraEnv = {}, name = service) {
    // STACK_NODE_ARGS: extra node flags for every service, e.g. "--prof" or "--cpu-prof" when profiling a benchmark run.
    const nodeArgs = (process.env.STACK_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, path.join(ROOT, `dist/apps/${service}/src/main.js`)], {
      cwd: ROOT,
      env: { ...envFor(service), ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = opts.output ?? ((s, line) => process.stdout.write(`${s.padEnd(8)} | ${line}\n`));
    for (const stream of [child.stdout, child.stderr]) {
      let buf = '';
      stream.on('data', (chunk) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          out(name, buf.slice(0, i));
          buf = buf.slice(i + 1);
        }
      });
    }
    procs.set(name, child);
    return child;
  }

  return {
    ports,
    procs,
    url: `http://127.0.0.1:${ports.gateway}`,
    /** Starts every service (back ends first, so the gateway's seeding finds them) and waits until each is healthy. */
    async up(timeoutMs = 60000) {
      const backEnds = SERVICES.filter((s) => s !== 'gateway');
      for (const s of backEnds) start(s);
      await Promise.all(backEnds.map((s) => waitHealthy(ports[s], timeoutMs, procs.get(s))));
      start('gateway');
      await waitHealthy(ports.gateway, timeoutMs, procs.get('gateway'));
    },
    async startService(service, timeoutMs = 30000) {
      const child = start(service);
      await waitHealthy(ports[service], timeoutMs, child);
    },
    /**
     * Another process of a service (a second routing replica, say), named `<service>-<suffix>` in procs, ports and
     * output: same database and namespace, its own health port (basePort + 6, + 7, …). kill(name) and down() stop it.
     */
    async startExtra(service, suffix, timeoutMs = 30000) {
      const name = `${service}-${suffix}`;
      const port = basePort + 6 + Object.keys(ports).filter((k) => !SERVICES.includes(k)).length;
      ports[name] = port;
      const child = start(service, { [`${service.toUpperCase()}_PORT`]: String(port) }, name);
      await waitHealthy(port, timeoutMs, child);
      return { name, port };
    },
    /** Runs each service's migrations once and exits (MIGRATE_ONLY). */
    async migrate() {
      for (const s of SERVICES) {
        const child = start(s, { MIGRATE_ONLY: 'true', SEED_DEMO: 'false' });
        const code = await new Promise((r) => child.once('exit', r));
        if (code !== 0) throw new Error(`${s} migrations failed (exit ${code})`);
      }
    },
    kill(service, signal = 'SIGKILL') {
      const child = procs.get(service);
      if (!child || child.exitCode !== null) return Promise.resolve();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      return exited;
    },
    async down() {
      await Promise.all(
        [...procs.keys()].map(async (s) => {
          const child = procs.get(s);
          if (child.exitCode !== null || child.signalCode) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
