// The chaos schedule: which faults, in which order, with which pauses, all from the seed; and running it against the
// stack, the private NATS and the private PostgreSQL, measuring how long each takes to recover.
import pg from 'pg';
import { SERVICES } from '../stack.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The faults of a profile in a seeded order: every service killed `killsPerService` times, NATS and PostgreSQL
 * restarted, one of the PostgreSQL restarts an `immediate` one (a crash). The same service is never killed twice
 * within `spread` faults of each other when the order allows it (the run also keeps kills of one service ≥ 31 s
 * apart: the launcher gives up on a service that dies 5 times in a row within 30 s of starting, as npm start does).
 */
export function planChaos(profile, r) {
  const faults = [];
  for (let k = 0; k < profile.killsPerService; k++) for (const service of SERVICES) faults.push({ kind: 'kill', service });
  for (let k = 0; k < profile.natsRestarts; k++) faults.push({ kind: 'nats', downMs: Math.round(r.between(500, 3000)) });
  for (let k = 0; k < profile.pgRestarts; k++) faults.push({ kind: 'pg', mode: 'fast' });
  const pgs = faults.filter((f) => f.kind === 'pg');
  if (pgs.length) pgs[r.int(0, pgs.length - 1)].mode = 'immediate';
  const pool = r.shuffle(faults);
  const order = [];
  const spread = 4;
  while (pool.length) {
    const recent = new Set(order.slice(-spread).filter((f) => f.kind === 'kill').map((f) => f.service));
    const i = pool.findIndex((f) => f.kind !== 'kill' || !recent.has(f.service));
    order.push(...pool.splice(i < 0 ? 0 : i, 1));
  }
  return order.map((f, i) => ({ ...f, i: i + 1, gapMs: Math.round(r.between(profile.gapMs[0], profile.gapMs[1])) }));
}

export function describeFault(f) {
  if (f.kind === 'kill') return `SIGKILL ${f.service}`;
  if (f.kind === 'nats') return `restart NATS (SIGKILL, down ${(f.downMs / 1000).toFixed(1)} s, same store)`;
  return `restart PostgreSQL (pg_ctl restart -m ${f.mode}${f.mode === 'immediate' ? ': a crash, WAL recovery' : ''})`;
}

/**
 * Runs the faults one after another: each after its pause, then waits until the stack answers /health again on all
 * six services and the outbox rows written up to then are published, and records both times.
 */
export async function runChaos({ faults, stack, nats, postgres, databaseUrl, say, shouldStart, stopping }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 2000 });
  pool.on('error', () => undefined);
  const lastKill = {};
  const done = [];
  const healthy = async () => {
    const answers = await Promise.all(
      Object.entries(stack.ports).map(async ([, port]) => {
        try {
          const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
          await res.arrayBuffer();
          return res.status === 200;
        } catch {
          return false;
        }
      }),
    );
    return answers.every(Boolean);
  };
  const backlogUpTo = async (at) => {
    const schemas = ['intake', 'routing', 'approval', 'fees', 'delivery'];
    const sql = schemas.map((s) => `SELECT count(*)::int AS n FROM "${s}".outbox WHERE published_at IS NULL AND created_at <= $1`).join(' UNION ALL ');
    const rows = (await pool.query(sql, [at])).rows;
    return rows.reduce((s, r) => s + r.n, 0);
  };
  try {
    while (!shouldStart()) {
      if (stopping()) return done;
      await sleep(200);
    }
    for (const f of faults) {
      if (stopping()) break;
      await sleep(f.gapMs);
      if (f.kind === 'kill' && lastKill[f.service]) {
        const wait = 31_000 - (Date.now() - lastKill[f.service]);
        if (wait > 0) {
          say(`fault ${f.i}/${faults.length}: ${f.service} was killed ${((Date.now() - lastKill[f.service]) / 1000).toFixed(0)} s ago; waiting ${(wait / 1000).toFixed(0)} s more (the launcher's 30 s rule)`);
          await sleep(wait);
        }
      }
      const t0 = Date.now();
      const rec = { ...f, at: new Date(t0).toISOString() };
      if (f.kind === 'kill') {
        const child = stack.procs.get(f.service);
        rec.pid = child?.pid;
        say(`fault ${f.i}/${faults.length}: SIGKILL ${f.service} (pid ${child?.pid})`);
        lastKill[f.service] = t0;
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch (e) {
          say(`  could not kill ${f.service}: ${e.message}`);
        }
      } else if (f.kind === 'nats') {
        say(`fault ${f.i}/${faults.length}: ${describeFault(f)}`);
        await nats.restart(f.downMs);
        rec.backAfterMs = Date.now() - t0;
        say(`  NATS is back (${(rec.backAfterMs / 1000).toFixed(1)} s after the kill)`);
      } else {
        say(`fault ${f.i}/${faults.length}: ${describeFault(f)}`);
        await postgres.restart(f.mode);
        rec.backAfterMs = Date.now() - t0;
        say(`  PostgreSQL is back (${(rec.backAfterMs / 1000).toFixed(1)} s after pg_ctl restart)`);
      }
      // The stack answers health again (a killed service first has to be restarted by the launcher).
      await sleep(f.kind === 'kill' ? 300 : 0);
      const healthUntil = Date.now() + 120_000;
      let up;
      while (!(up = await healthy()) && Date.now() <= healthUntil) await sleep(100);
      const healthAt = Date.now();
      rec.healthMs = up ? healthAt - t0 : null;
      // …and the outbox rows committed up to that moment are all published.
      const drainUntil = Date.now() + 120_000;
      rec.drainMs = null;
      for (;;) {
        try {
          if ((await backlogUpTo(new Date(healthAt))) === 0) {
            rec.drainMs = Date.now() - t0;
            break;
          }
        } catch {
          /* PostgreSQL not answering yet */
        }
        if (Date.now() > drainUntil) break;
        await sleep(100);
      }
      say(
        `  recovered: all six /health 200 after ${rec.healthMs === null ? 'NEVER (120 s)' : `${(rec.healthMs / 1000).toFixed(1)} s`}, outbox drained after ${rec.drainMs === null ? 'NEVER (120 s)' : `${(rec.drainMs / 1000).toFixed(1)} s`}`,
      );
      done.push(rec);
    }
  } finally {
    await pool.end().catch(() => undefined);
  }
  return done;
}
