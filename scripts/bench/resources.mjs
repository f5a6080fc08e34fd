// What the system did during the measured window, from outside the services: PostgreSQL's own transaction counts,
// the statements sent (see sql-counter.mjs, or the server log), JetStream's message counts, the services' RPC
// counters, and CPU time per process from /proc.
import { accessSync, constants as fsConstants, createReadStream, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { cpuSampler, pidListeningOn } from './proc.mjs';

const BACK_ENDS = ['intake', 'routing', 'approval', 'fees', 'delivery'];

/**
 * @param o {{adminUrl: string|null, dbName: string|null, natsUrl: string, namespace: string|null,
 *            ports: Record<string, number>, pids: () => Record<string, number|null>, statements: 'client'|'log'|'off',
 *            sqlCountDir: string|null, serverLog: string|null}}
 */
export async function createMonitor(o) {
  const admin = o.adminUrl ? new pg.Client({ connectionString: o.adminUrl, application_name: 'bench-monitor' }) : null;
  if (admin) await admin.connect();
  const nc = await connect({ servers: o.natsUrl, name: 'bench-monitor' });
  const jsm = await jetstreamManager(nc);
  const natsPid = pidListeningOn(Number(new URL(o.natsUrl).port || 4222));
  const cpu = cpuSampler({
    db: o.dbName,
    groups: () => {
      const g = o.cpuGroups ? o.cpuGroups() : {};
      if (o.cpuGroups) {
        if (natsPid) g['nats-server'] = [natsPid];
        return g;
      }
      for (const [svc, pid] of Object.entries(o.pids())) if (pid) (g[svc] ??= []).push(pid);
      if (natsPid) g['nats-server'] = [natsPid];
      return g;
    },
  });

  async function pgStats() {
    if (!admin || !o.dbName) return null;
    const { rows } = await admin.query(
      `SELECT xact_commit::bigint AS commit, xact_rollback::bigint AS rollback, tup_inserted::bigint AS inserted, tup_updated::bigint AS updated,
              tup_deleted::bigint AS deleted, tup_returned::bigint AS returned, tup_fetched::bigint AS fetched, blks_read::bigint AS blks_read, blks_hit::bigint AS blks_hit
         FROM pg_stat_database WHERE datname = $1`,
      [o.dbName],
    );
    return rows[0] ? Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)])) : null;
  }

  async function streams() {
    if (!o.namespace) return null;
    const prefix = `${o.namespace}_`.toUpperCase();
    const out = { messages: 0, bytes: 0, streams: {} };
    for await (const si of jsm.streams.list()) {
      if (!si.config.name.startsWith(prefix)) continue;
      out.streams[si.config.name] = si.state.messages;
      out.messages += si.state.messages;
      out.bytes += si.state.bytes;
    }
    return out;
  }

  /** messaging counters of each back end's /health; a process serving several (--single) is counted once. */
  async function rpc() {
    const out = { rpcServed: 0, rpcFailed: 0, published: 0, consumed: 0, deadLettered: 0, perService: {} };
    const pids = o.pids();
    const counted = new Set();
    for (const svc of BACK_ENDS) {
      const port = o.ports[svc];
      if (!port) continue;
      try {
        const r = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(5000) });
        const m = (await r.json())?.messaging;
        if (!m) continue;
        out.perService[svc] = m.rpcServed;
        const key = pids[svc] ?? `port ${port}`;
        if (counted.has(key)) continue;
        counted.add(key);
        for (const k of ['rpcServed', 'rpcFailed', 'published', 'consumed', 'deadLettered']) out[k] += m[k] ?? 0;
      } catch {
        out.perService[svc] = null;
        out.incomplete = true;
      }
    }
    return out;
  }

  function sqlCounts() {
    const logOffset = o.statements === 'log' && o.serverLog ? statSync(o.serverLog).size : undefined;
    if (o.sqlCountDir) {
      const total = { total: 0, perService: {}, statements: {} };
      for (const f of readdirSync(o.sqlCountDir).filter((n) => n.endsWith('.json'))) {
        try {
          const { counts, statements } = JSON.parse(readFileSync(path.join(o.sqlCountDir, f), 'utf8'));
          for (const [app, n] of Object.entries(counts)) {
            total.perService[app] = (total.perService[app] ?? 0) + n;
            total.total += n;
          }
          for (const [key, [calls, ms, errors]] of statements ?? []) {
            const s = (total.statements[key] ??= [0, 0, 0]);
            s[0] += calls;
            s[1] += ms;
            s[2] += errors;
          }
        } catch {
          /* being replaced */
        }
      }
      return { ...total, logOffset };
    }
    return logOffset === undefined ? null : { logOffset };
  }

  /** Statements between two log offsets: the lines PostgreSQL wrote for the bench database (log_statement=all). */
  async function countLogged(from, to) {
    const marker = new RegExp(`@${o.dbName.replace(/[^A-Za-z0-9_]/g, '.')} LOG:  (?:statement|execute [^:]*):`);
    let n = 0;
    let partial = '';
    if (to <= from) return 0;
    for await (const chunk of createReadStream(o.serverLog, { start: from, end: to - 1, encoding: 'utf8' })) {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop();
      for (const line of lines) if (marker.test(line)) n++;
    }
    if (marker.test(partial)) n++;
    return n;
  }

  async function snapshot() {
    const [stats, js, counters] = [await pgStats(), await streams(), await rpc()];
    return { at: performance.now(), pg: stats, streams: js, rpc: counters, sql: sqlCounts(), cpu: process.cpuUsage() };
  }

  return {
    snapshot,
    beginCpu: () => cpu.begin(),
    endCpu: () => cpu.end(),
    /** b − a of everything the snapshots hold. */
    async diff(a, b) {
      const d = { seconds: (b.at - a.at) / 1000 };
      if (a.pg && b.pg) d.pg = Object.fromEntries(Object.keys(b.pg).map((k) => [k, b.pg[k] - a.pg[k]]));
      if (a.streams && b.streams) {
        d.jetstreamMessages = b.streams.messages - a.streams.messages;
        d.jetstreamBytes = b.streams.bytes - a.streams.bytes;
        d.streams = Object.fromEntries(Object.keys(b.streams.streams).map((k) => [k, b.streams.streams[k] - (a.streams.streams[k] ?? 0)]));
      }
      d.rpc = {};
      for (const k of ['rpcServed', 'rpcFailed', 'published', 'consumed', 'deadLettered']) d.rpc[k] = b.rpc[k] - a.rpc[k];
      if (a.rpc.incomplete || b.rpc.incomplete) d.rpc.incomplete = true;
      if (a.sql && b.sql && 'total' in b.sql) {
        d.statements = d.statementsClient = b.sql.total - a.sql.total;
        d.statementsPerService = Object.fromEntries(Object.keys(b.sql.perService).map((k) => [k, b.sql.perService[k] - (a.sql.perService[k] ?? 0)]));
        d.statementTimes = Object.entries(b.sql.statements)
          .map(([key, [calls, ms, errors]]) => {
            const [c0, ms0, e0] = a.sql.statements[key] ?? [0, 0, 0];
            return { statement: key, calls: calls - c0, totalMs: ms - ms0, errors: errors - e0 };
          })
          .filter((s) => s.calls > 0);
      }
      if (a.sql?.logOffset !== undefined && b.sql?.logOffset !== undefined) d.statements = await countLogged(a.sql.logOffset, b.sql.logOffset);
      const cu = { user: b.cpu.user - a.cpu.user, system: b.cpu.system - a.cpu.system };
      d.benchClientCpuMs = (cu.user + cu.system) / 1000;
      return d;
    },
    async close() {
      await nc.close().catch(() => undefined);
      await admin?.end().catch(() => undefined);
    },
  };
}

/** The file the PostgreSQL server writes its log to (its stderr), when this machine runs it and it is readable. */
export function serverLogFile() {
  const pid = pidListeningOn(5432);
  if (!pid) return null;
  for (const fd of [2, 1]) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith('/') && !target.startsWith('/dev/')) {
        accessSync(target, fsConstants.R_OK);
        return target;
      }
    } catch {
      /* not ours to read */
    }
  }
  return null;
}
