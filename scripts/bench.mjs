// npm run bench [-- --n 200 --c 20 --mix --rate 20 --preload 1000000 --single --json]: lifecycles over HTTP against
// a stack of its own (fresh database, own NATS namespace, ports 23000+), or against BENCH_URL. Prints throughput,
// server-side latencies, the cost of one lifecycle (commits, statements, JetStream messages, RPCs, CPU per process)
// and the machine's floor; --json saves all of it. `--help` lists the flags; README.md "Benchmark" explains each
// figure. The modules are in scripts/bench/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { ROOT, SERVICES, createStack, dropDatabase, ensureDatabase } from './stack.mjs';
import { defaultLabel, parseArgs } from './bench/args.mjs';
import { createApi } from './bench/http.mjs';
import { KINDS, notificationTail, runLifecycle } from './bench/flows.mjs';
import { natsEchoFloor, pgCommitFloor } from './bench/floor.mjs';
import { createMonitor, serverLogFile } from './bench/resources.mjs';
import { pidListeningOn } from './bench/proc.mjs';
import { openLoopAcceptances, planKinds, runLifecycles } from './bench/run.mjs';
import { aggregate, caseLatencies, serverTimes, timelineFigures } from './bench/timings.mjs';
import { preloadCases } from './bench/preload.mjs';
import { createSingleStack } from './bench/single-stack.mjs';
import { printReport } from './bench/report.mjs';
import { sleep, summarize } from './bench/stats.mjs';

let flags;
try {
  flags = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(e.message);
  process.exit(64);
}
const external = Boolean(process.env.BENCH_URL);
const log = (line) => process.stderr.write(`bench: ${line}\n`);
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const stamp = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const PORT_OFFSET = { gateway: 0, intake: 1, routing: 2, approval: 3, fees: 4, delivery: 5 };

// ---- where the stack is -------------------------------------------------------------------------------------------
const server = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/onewindow');
let databaseUrl;
let namespace;
let ports;
let notifyFile;
let sqlCountDir = null;
if (external) {
  if (flags.preload) {
    console.error('--preload seeds the bench\'s own fresh database: it does not run with BENCH_URL');
    process.exit(64);
  }
  if (flags.single) {
    console.error('--single starts the bench\'s own stack: it does not run with BENCH_URL');
    process.exit(64);
  }
  databaseUrl = process.env.DATABASE_URL ?? null;
  namespace = process.env.NATS_NAMESPACE ?? 'ow';
  const gw = Number(new URL(process.env.BENCH_URL).port || 80);
  ports = Object.fromEntries(SERVICES.map((s) => [s, gw + PORT_OFFSET[s]]));
  notifyFile = process.env.BENCH_NOTIFY_FILE ?? path.join(ROOT, '.data/notifications.jsonl');
} else {
  const u = new URL(server);
  u.pathname = `/ow_bench_${stamp}`;
  databaseUrl = u.toString();
  namespace = `bench_${stamp}`;
  notifyFile = path.join(os.tmpdir(), `${namespace}-notifications.jsonl`);
}
const dbName = databaseUrl ? decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) : null;
const adminUrl = (() => {
  const u = new URL(databaseUrl ?? server);
  u.pathname = '/postgres';
  return u.toString();
})();

// ---- cleanup, whatever happens -------------------------------------------------------------------------------------
let stack;
let monitor;
let cleaning;
const serviceOutput = [];
async function cleanup() {
  cleaning ??= (async () => {
    await monitor?.close().catch(() => undefined);
    if (external) return;
    await stack?.down().catch((e) => log(`stopping the stack: ${e.message}`));
    try {
      const nc = await connect({ servers: natsUrl });
      const jsm = await jetstreamManager(nc);
      const prefix = `${namespace}_`.toUpperCase();
      for await (const si of jsm.streams.list()) if (si.config.name.startsWith(prefix)) await jsm.streams.delete(si.config.name).catch(() => undefined);
      await nc.close();
    } catch (e) {
      log(`deleting the streams of ${namespace}: ${e.message}`);
    }
    // BENCH_KEEP_DB=1 leaves the database (e.g. to EXPLAIN a statement over a --preload): drop it yourself afterwards.
    if (process.env.BENCH_KEEP_DB) log(`BENCH_KEEP_DB: leaving database ${dbName} (DROP DATABASE "${dbName}" when done)`);
    else await dropDatabase(databaseUrl).catch((e) => log(`dropping ${dbName}: ${e.message}`));
    rmSync(notifyFile, { force: true });
    if (sqlCountDir) rmSync(sqlCountDir, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    log(`${sig}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

const report = { flags: { ...flags }, label: flags.label ?? defaultLabel(flags, external) };
let exitCode = 0;
try {
  await main();
} catch (e) {
  exitCode = 1;
  console.error(`bench failed: ${e?.stack ?? e}`);
  if (serviceOutput.length) console.error(`--- last service output ---\n${serviceOutput.slice(-40).join('\n')}`);
} finally {
  await cleanup();
}
process.exit(exitCode);

async function main() {
  const mix = flags.mix ?? { 'RE-TRANSFER': 1 };
  const kindsUsed = KINDS.filter((k) => mix[k] > 0);
  report.machine = await machineInfo();
  report.mode = external ? `external stack at ${process.env.BENCH_URL}` : flags.single ? 'own stack, one process (--single)' : 'own stack, six processes';

  // ---- the stack ----
  let abortReason = () => null;
  if (external) {
    log(`against ${process.env.BENCH_URL} (namespace ${namespace}${databaseUrl ? `, database ${dbName}` : ', no DATABASE_URL: no PostgreSQL figures'})`);
  } else {
    await ensureDatabase(databaseUrl);
    if (flags.statements === 'log') {
      if (!serverLogFile()) throw new Error('--statements log: the PostgreSQL server log is not readable here');
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`ALTER DATABASE "${dbName}" SET log_statement = 'all'`);
      await admin.end();
    }
    const env = { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000', NOTIFY_FILE: notifyFile };
    // The client-side counter runs with --statements log too, so the two counts can be compared in one run.
    if (flags.statements !== 'off') {
      sqlCountDir = mkdtempSync(path.join(os.tmpdir(), `${namespace}-sql-`));
      env.BENCH_SQL_COUNT_DIR = sqlCountDir;
      process.env.STACK_NODE_ARGS = `${process.env.STACK_NODE_ARGS ?? ''} --import ${path.join(ROOT, 'scripts/bench/sql-counter.mjs')}`.trim();
    }
    const basePort = Number(process.env.BENCH_BASE_PORT ?? 23000);
    const opts = { databaseUrl, natsUrl, namespace, basePort, seedDemo: true, env, output: (s, line) => serviceOutput.push(`${s} | ${line}`) };
    stack = flags.single ? createSingleStack(opts) : createStack(opts);
    log(`starting ${flags.single ? 'the six services in one process' : 'six service processes'} on ports ${basePort}-${basePort + 5}, database ${dbName}, namespace ${namespace}`);
    await stack.up(180000);
    ports = stack.ports;
    let died = null;
    for (const [name, child] of stack.procs) child.once('exit', (code, signal) => (died ??= `${name} exited (${signal ?? `code ${code}`})`));
    abortReason = () => died;
  }
  // Each service's pid: the bench's own children, or whoever listens on the external stack's ports.
  const externalPids = external ? Object.fromEntries(SERVICES.map((s) => [s, pidListeningOn(ports[s])])) : null;
  const pids = () => externalPids ?? Object.fromEntries(SERVICES.map((s) => [s, stack.procs.get(s)?.pid ?? null]));

  const api = createApi(external ? process.env.BENCH_URL : stack.url);
  await api.loginAll();
  const tail = notificationTail(notifyFile);
  const ctx = { api, pollMs: flags.poll, stepTimeoutMs: flags.timeout * 1000, pickupCode: tail.pickupCode };

  // ---- warm-up: one lifecycle of each kind, unmeasured; also the template of --preload ----
  log(`warm-up: one lifecycle of each of ${kindsUsed.join(', ')}`);
  const templates = {};
  for (const kind of flags.preload ? KINDS : kindsUsed) {
    try {
      templates[kind] = (await runLifecycle(ctx, kind)).caseNo;
    } catch (e) {
      throw new Error(`warm-up ${kind} failed at ${e.step ?? '?'}: ${e.reason ?? e.message} — the stack does not work; nothing measured`);
    }
  }

  // ---- --preload ----
  if (flags.preload) {
    log(`preload: seeding ${flags.preload} finished cases (copies of the warm-up's ${Object.keys(templates).join(' and ')} cases)`);
    report.preload = await preloadCases({ databaseUrl, templates, count: flags.preload, log });
    log(`preload: ${report.preload.cases} cases, ${report.preload.rows} rows in ${report.preload.seconds} s (seed ${report.preload.seedSeconds} s, VACUUM ANALYZE ${report.preload.analyzeSeconds} s)`);
  }

  // ---- the floor ----
  if (flags.floor > 0) {
    log(`floor: PostgreSQL INSERT+COMMIT and NATS request/reply, ${flags.c} at once, ${flags.floor} s each`);
    report.floor = {};
    report.floor.postgres = databaseUrl ? await pgCommitFloor(databaseUrl, flags.c, flags.floor).catch((e) => ({ error: e.message })) : { error: 'no DATABASE_URL' };
    report.floor.nats = await natsEchoFloor(natsUrl, namespace, flags.c, flags.floor).catch((e) => ({ error: e.message }));
  }

  // ---- quiet window (what the stack does when nobody asks), then the measured window ----
  monitor = await createMonitor({
    adminUrl: databaseUrl ? adminUrl : null,
    dbName,
    natsUrl,
    namespace,
    ports,
    pids,
    // --single: one process is all six services; its CPU is one figure.
    cpuGroups: flags.single ? () => ({ 'six services (one process)': [stack.procs.get('gateway')?.pid].filter(Boolean) }) : null,
    statements: external ? 'off' : flags.statements,
    sqlCountDir,
    serverLog: flags.statements === 'log' ? serverLogFile() : null,
  });
  let idle = null;
  if (flags.settle > 0) {
    log(`quiet: ${flags.settle} s for PostgreSQL's statistics to settle, then ${flags.settle} s of idle baseline`);
    await sleep(flags.settle * 1000);
    const i0 = await monitor.snapshot();
    monitor.beginCpu();
    await sleep(flags.settle * 1000);
    const idleCpu = monitor.endCpu();
    const i1 = await monitor.snapshot();
    idle = { ...(await monitor.diff(i0, i1)), cpu: idleCpu };
  } else {
    await sleep(300);
  }

  const kinds = planKinds(flags.n, mix);
  const s0 = await monitor.snapshot();
  monitor.beginCpu();
  const openLoop = flags.rate > 0 ? openLoopAcceptances({ api, rate: flags.rate, kindOf: (i) => kinds[i % kinds.length] }) : null;
  log(`measuring: ${flags.n} lifecycles (${kindsUsed.map((k) => `${k} ${Math.round(mix[k] * 100)}%`).join(', ')}) at concurrency ${flags.c}${flags.rate ? `, plus ${flags.rate} acceptances/s open-loop` : ''}`);
  const apiBefore = { ...api.counts };
  const run = await runLifecycles({ api, n: flags.n, c: flags.c, kinds, ctx, progress: flags.progress, abortReason });
  report.openLoop = openLoop ? await openLoop.stop() : null;
  const apiCounts = Object.fromEntries(Object.keys(api.counts).map((k) => [k, api.counts[k] - apiBefore[k]]));
  if (flags.settle > 0) log(`settling ${flags.settle} s (asynchronous tail, statistics flush)`);
  await sleep(Math.max(flags.settle * 1000, 300));
  const cpu = monitor.endCpu();
  const s1 = await monitor.snapshot();
  const gross = { ...(await monitor.diff(s0, s1)), cpu };

  // ---- latencies ----
  const done = run.results;
  report.lifecycles = {
    requested: flags.n,
    completed: done.length,
    failed: run.failures.length,
    seconds: round(run.seconds),
    perSecond: round(done.length / run.seconds, 2),
    byKind: Object.fromEntries(kindsUsed.map((k) => [k, { completed: done.filter((r) => r.kind === k).length, failed: run.failures.filter((f) => f.kind === k).length }])),
    failures: groupFailures(run.failures),
    http: { ...apiCounts, perLifecycle: done.length ? round((apiCounts.commands + apiCounts.reads) / done.length, 1) : null, pollsPerLifecycle: done.length ? round(done.reduce((a, r) => a + r.polls, 0) / done.length, 1) : null },
  };
  report.latency = {
    acceptanceClientMs: summarize(done.map((r) => r.acceptMs)),
    acceptedToDeliveredClientMs: summarize(done.map((r) => r.deliveredMs)),
  };
  const caseNos = done.map((r) => r.caseNo);
  if (databaseUrl && caseNos.length) {
    const times = await serverTimes(databaseUrl, caseNos);
    const perCase = caseNos.map((c) => times.get(c)).filter(Boolean).map(caseLatencies);
    report.latency.server = { source: 'service tables (µs: intake.cases, approval.review_tasks, fees.payment_notices, delivery.deliveries)', ...aggregate(perCase) };
    for (const k of kindsUsed) {
      const mine = done.filter((r) => r.kind === k).map((r) => times.get(r.caseNo)).filter(Boolean).map(caseLatencies);
      report.latency.server[`by kind ${k}`] = aggregate(mine);
    }
  }
  const sample = caseNos.slice(0, 200);
  if (sample.length) report.latency.timeline = { source: `GET /cases/{caseNo}/timeline of ${sample.length} cases (1 s granularity)`, ...(await timelineFigures(api, sample)) };

  // ---- cost per lifecycle ----
  report.resources = costs(gross, idle, done.length, report.openLoop?.accepted ?? 0);
  printReport(report);
  if (flags.json) saveJson(report);
  if (run.failures.length) exitCode = 1;
}

// ---- helpers ----------------------------------------------------------------------------------------------------
function round(v, d = 1) {
  return v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** d) / 10 ** d;
}

function groupFailures(failures) {
  const groups = new Map();
  for (const f of failures) {
    const reason = f.reason.replace(/\d{6,}/g, '…').slice(0, 300);
    const key = `${f.kind} | ${f.step} | ${reason}`;
    const g = groups.get(key) ?? { kind: f.kind, step: f.step, reason, count: 0, example: f.caseNo };
    g.count++;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/**
 * Per lifecycle: gross = everything in the measured window ÷ lifecycles completed; net = the same less what the idle
 * baseline did in as many seconds (timers: outbox sweeps, the notification sender, the warning sweep, health pings).
 */
function costs(gross, idle, lifecycles, extraAcceptances) {
  const perIdleSecond = (get) => (idle && idle.seconds > 0 ? (get(idle) ?? 0) / idle.seconds : 0);
  const figure = (get, withNet = true) => {
    const g = get(gross);
    if (g === null || g === undefined) return null;
    const net = g - perIdleSecond(get) * gross.seconds;
    return { total: round(g), perLifecycle: lifecycles ? round(g / lifecycles, 1) : null, netPerLifecycle: lifecycles && withNet ? round(net / lifecycles, 1) : null };
  };
  const cpuGroups = new Set([...Object.keys(gross.cpu ?? {}), ...Object.keys(idle?.cpu ?? {})]);
  const cpu = {};
  // Other databases' backends are other people's work on a shared server: shown, never "net" of anything.
  for (const g of cpuGroups) cpu[g] = figure((x) => x.cpu?.[g]?.ms ?? 0, !g.includes('other databases'));
  cpu['bench client'] = figure((x) => x.benchClientCpuMs);
  return {
    window: { seconds: round(gross.seconds), lifecycles, extraOpenLoopAcceptances: extraAcceptances, idleBaselineSeconds: idle ? round(idle.seconds) : null },
    commits: figure((x) => (x.pg ? x.pg.commit + x.pg.rollback : null)),
    rollbacks: figure((x) => x.pg?.rollback ?? null),
    statements: figure((x) => x.statements ?? null),
    statementsClientSide: flags.statements === 'log' ? figure((x) => x.statementsClient ?? null) : undefined,
    statementsPerService: gross.statementsPerService ?? null,
    // The statements that took the most time in all (client-side, --statements client): where a lifecycle's SQL time goes.
    statementTimes: gross.statementTimes
      ? gross.statementTimes
          .sort((x, y) => y.totalMs - x.totalMs)
          .slice(0, 40)
          .map((s) => ({ ...s, totalMs: round(s.totalMs), meanMs: round(s.totalMs / s.calls, 2), perLifecycle: lifecycles ? round(s.calls / lifecycles, 2) : null }))
      : null,
    rowsInserted: figure((x) => x.pg?.inserted ?? null),
    rowsUpdated: figure((x) => x.pg?.updated ?? null),
    jetstreamMessages: figure((x) => x.jetstreamMessages ?? null),
    jetstreamPerStream: gross.streams ?? null,
    rpcs: figure((x) => x.rpc?.rpcServed ?? null),
    rpcFailed: gross.rpc?.rpcFailed ?? null,
    rpcIncomplete: gross.rpc?.incomplete ?? false,
    eventsConsumed: figure((x) => x.rpc?.consumed ?? null),
    deadLettered: gross.rpc?.deadLettered ?? null,
    cpuMs: cpu,
    idle: idle ? { seconds: round(idle.seconds), commits: idle.pg ? idle.pg.commit + idle.pg.rollback : null, statements: idle.statements ?? null, rpcs: idle.rpc?.rpcServed ?? null, jetstreamMessages: idle.jetstreamMessages ?? null } : null,
  };
}

async function machineInfo() {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const info = {
    at: new Date().toISOString(),
    gitSha: git('rev-parse', '--short', 'HEAD'),
    gitDirty: Boolean(git('status', '--porcelain', '--untracked-files=no')),
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    loadAverage: os.loadavg().map((v) => round(v, 2)),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
  try {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const { rows } = await c.query(
      `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers, current_setting('synchronous_commit') AS synchronous_commit,
              current_setting('fsync') AS fsync, current_setting('max_connections') AS max_connections, current_setting('autovacuum') AS autovacuum`,
    );
    await c.end();
    info.postgres = rows[0];
  } catch (e) {
    info.postgres = { error: e.message };
  }
  try {
    const nc = await connect({ servers: natsUrl });
    info.nats = { version: nc.info?.version ?? null };
    await nc.close();
  } catch (e) {
    info.nats = { error: e.message };
  }
  return info;
}

function saveJson(r) {
  let file;
  if (flags.json === true) {
    const dir = path.join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const base = `${r.machine.at.slice(0, 10)}-${r.machine.gitSha ?? 'nogit'}-${r.label}`;
    file = path.join(dir, `${base}.json`);
    for (let i = 2; existsSync(file); i++) file = path.join(dir, `${base}-${i}.json`);
  } else {
    file = path.resolve(flags.json);
    mkdirSync(path.dirname(file), { recursive: true });
  }
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  console.log(`results: ${path.relative(process.cwd(), file) || file}`);
}
