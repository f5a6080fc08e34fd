// The machine's floor, measured in the same run: how many single-row INSERT+COMMITs PostgreSQL takes from C
// connections at once, and how many core-NATS request/replies a responder in another process answers for C
// requesters at once. A lifecycle can never be cheaper than its commits and its messages at these rates.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connect } from '@nats-io/transport-node';
import { summarize } from './stats.mjs';

/**
 * C clients each INSERT one row at a time (autocommit: one statement, one commit, one WAL flush with
 * synchronous_commit on) into a table of the bench database for `seconds`. The table is an ordinary, logged one:
 * a TEMP (or UNLOGGED) table writes no WAL, so its commits are not flushed and would not show the fsync floor
 * every service transaction pays. It is dropped afterwards.
 */
export async function pgCommitFloor(databaseUrl, connections, seconds) {
  const table = `bench_floor_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-floor' });
  await admin.connect();
  const clients = [];
  try {
    await admin.query(`CREATE TABLE public.${table} (id bigserial PRIMARY KEY, client int NOT NULL, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)`);
    for (let i = 0; i < connections; i++) {
      const c = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-floor' });
      await c.connect();
      clients.push(c);
    }
    const latencies = [];
    let count = 0;
    const end = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      clients.map(async (c, i) => {
        while (performance.now() < end) {
          const t = performance.now();
          await c.query(`INSERT INTO public.${table} (client, payload) VALUES ($1, $2)`, [i, 'x'.repeat(100)]);
          latencies.push(performance.now() - t);
          count++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    return { connections, seconds: round(elapsed), commits: count, commitsPerSecond: round(count / elapsed), latencyMs: summarize(latencies) };
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await admin.query(`DROP TABLE IF EXISTS public.${table}`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
}

/**
 * A responder in its own Node process answers `<ns>.bench.echo` (core NATS, no JetStream) with the request's bytes;
 * C requesters in the bench each send one ~200-byte request at a time for `seconds`.
 */
export async function natsEchoFloor(natsUrl, namespace, connections, seconds) {
  const subject = `${namespace}.bench.echo`;
  const responder = fork(fileURLToPath(new URL('./echo-responder.mjs', import.meta.url)), [natsUrl, subject], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  try {
    await new Promise((resolve, reject) => {
      responder.once('message', (m) => (m === 'ready' ? resolve() : reject(new Error(String(m)))));
      responder.once('exit', (code) => reject(new Error(`echo responder exited with ${code}`)));
      setTimeout(() => reject(new Error('echo responder did not start in 10 s')), 10000).unref();
    });
    const nc = await connect({ servers: natsUrl, name: 'bench-floor' });
    try {
      const payload = new TextEncoder().encode('x'.repeat(200));
      const latencies = [];
      let count = 0;
      let errors = 0;
      const end = performance.now() + seconds * 1000;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (performance.now() < end) {
            const t = performance.now();
            try {
              await nc.request(subject, payload, { timeout: 5000 });
              latencies.push(performance.now() - t);
              count++;
            } catch {
              errors++;
            }
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      return { requesters: connections, seconds: round(elapsed), requests: count, errors, requestsPerSecond: round(count / elapsed), latencyMs: summarize(latencies) };
    } finally {
      await nc.close();
    }
  } finally {
    responder.kill('SIGTERM');
  }
}

const round = (v) => Math.round(v * 10) / 10;
