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

/** What `npm start` does when a service dies: restart after 1 s, 2 s, 5 s, 10 s, then every 30 s; give up after 5
 * failures in a row that each came within 30 s of starting. A run that stayed up longer than that resets the count. */
export const DEFAULT_RESTART = Object.freeze({ backoffMs: Object.freeze([1000, 2000, 5000, 10000, 30000]), giveUpAfter: 5, quickMs: 30000 });

/**
 * @param {{databaseUrl: string, natsUrl: string, namespace?: string, basePort?: number, seedDemo?: boolean,
 *          env?: Record<string,string>, output?: (service: string, line: string) => void,
 *          restart?: boolean | {backoffMs?: number[], giveUpAfter?: number, quickMs?: number, log?: (line: string) => void}}} opts
 *
 * `restart` (off unless given; `npm start` turns it on): a service process that exits without the stack stopping it
 * (kill, down) is started again, same name, env and port, after a growing delay; see DEFAULT_RESTART.
 */
export function createStack(opts) {
  const basePort = opts.basePort ?? 3000;
  const procs = new Map();
  const ports = Object.fromEntries(SERVICES.map((s) => [s, basePort + PORT_OFFSET[s]]));
  const restart = opts.restart ? { ...DEFAULT_RESTART, log: (line) => process.stderr.write(`${line}\n`), ...(opts.restart === true ? {} : opts.restart) } : null;
  /** Restarts done per process name, for the curious and for tests. */
  const restarts = {};
  /** Children the stack itself stopped (kill, down, a migration run): their exit is no failure. */
  const intended = new WeakSet();
  /** Per process name: failures in a row (reset by a run longer than quickMs), of them quick ones, the pending restart. */
  const supervision = new Map();

  function cancelRestart(name) {
    const s = supervision.get(name);
    if (s?.timer) clearTimeout(s.timer);
    if (s) s.timer = undefined;
  }

  function onExit(spec, child, startedAt, code, signal) {
    if (!restart || intended.has(child) || procs.get(spec.name) !== child) return;
    const s = supervision.get(spec.name) ?? { failures: 0, quick: 0 };
    supervision.set(spec.name, s);
    const ranMs = Date.now() - startedAt;
    if (ranMs >= restart.quickMs) s.failures = 0;
    s.failures += 1;
    s.quick = ranMs < restart.quickMs ? s.quick + 1 : 0;
    const why = signal ?? `code ${code}`;
    if (s.quick >= restart.giveUpAfter) {
      restart.log(
        `${spec.name} exited (${why}); it failed ${s.quick} times in a row within ${restart.quickMs / 1000} s of starting; giving up — see its output above; fix and run npm start again (the rest keep running)`,
      );
      return;
    }
    const delayMs = restart.backoffMs[Math.min(s.failures, restart.backoffMs.length) - 1];
    restart.log(`${spec.name} exited (${why}); restarting in ${delayMs / 1000} s (restart ${s.failures})`);
    s.timer = setTimeout(() => {
      s.timer = undefined;
      // Stopped or started by hand meanwhile: kill()/down()/startService cancel the timer, this is the last guard.
      if (procs.get(spec.name) !== child) return;
      restarts[spec.name] = (restarts[spec.name] ?? 0) + 1;
      start(spec.service, spec.extraEnv, spec.name);
    }, delayMs);
  }

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

  function start(service, extraEnv = {}, name = service, supervised = true) {
    // STACK_NODE_ARGS: extra node flags for every service, e.g. "--prof" or "--cpu-prof" when profiling a benchmark run.
    const nodeArgs = (process.env.STACK_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, path.join(ROOT, `dist/apps/${service}/src/main.js`)], {
      cwd: ROOT,
      env: { ...envFor(service), ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pipeLines(child, name, opts.output);
    procs.set(name, child);
    if (supervised) {
      const startedAt = Date.now();
      child.once('exit', (code, signal) => onExit({ service, extraEnv, name }, child, startedAt, code, signal));
    } else {
      intended.add(child);
    }
    return child;
  }

  /** Stops a process on purpose: no restart follows, and a restart already waiting is called off. */
  function stopOnPurpose(name, signal) {
    cancelRestart(name);
    const child = procs.get(name);
    if (!child || child.exitCode !== null || child.signalCode) return Promise.resolve();
    intended.add(child);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    return exited;
  }

  return {
    ports,
    procs,
    restarts,
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
      cancelRestart(service);
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
        const child = start(s, { MIGRATE_ONLY: 'true', SEED_DEMO: 'false' }, s, false);
        const code = await new Promise((r) => child.once('exit', r));
        if (code !== 0) throw new Error(`${s} migrations failed (exit ${code})`);
      }
    },
    kill(service, signal = 'SIGKILL') {
      return stopOnPurpose(service, signal);
    },
    async down() {
      for (const name of procs.keys()) cancelRestart(name);
      await Promise.all(
        [...procs.keys()].map(async (s) => {
          const child = procs.get(s);
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await stopOnPurpose(s, 'SIGTERM');
          clearTimeout(timer);
        }),
      );
    },
  };
}

/** A child's stdout and stderr, a line at a time, to `output(name, line)` (default: prefixed on our stdout). */
export function pipeLines(child, name, output) {
  const out = output ?? ((s, line) => process.stdout.write(`${s.padEnd(8)} | ${line}\n`));
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
}
