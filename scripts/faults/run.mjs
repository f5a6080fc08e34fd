#!/usr/bin/env node
// npm run test:faults [-- --profile full|ci] [--seed N] [--lifecycles N] [--concurrency C] [--keep] [--no-build]
//                                          [--expect-out FILE] [--skip-if-missing]
//
// The fault suite (issue #13). On a PostgreSQL cluster and a NATS server of its own (temporary folder, ports in
// 24000-24999; the machine's shared ones are never touched), it starts the six services with the launcher's restart
// policy (createStack restart: as npm start), drives mixed lifecycles over HTTP with a client that retries as a real
// one would, and meanwhile runs a seeded chaos schedule: SIGKILL of every service (the launcher brings each back),
// NATS killed and restarted on its store, PostgreSQL restarted (fast, and once immediate: a crash). Then it proves
// with scripts/check-invariants.mjs that every case ended as its script intended and nothing was lost or done twice.
// FAULT_SEED (or --seed) replays a run's plan: the lifecycles' scripts and the faults' order and pauses.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomInt } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkInvariants, printResults } from '../check-invariants.mjs';
import { createStack, DEFAULT_RESTART, ensureDatabase, ROOT, SERVICES } from '../stack.mjs';
import { findBinaries, portFree, privateNats, privatePostgres } from './infra.mjs';
import { rng } from './rng.mjs';

const PROFILES = {
  full: { lifecycles: 500, concurrency: 12, killsPerService: 3, natsRestarts: 3, pgRestarts: 3, gapMs: [3000, 8000], warmupCases: 20, stepTimeoutMs: 120_000, checkWaitMs: 120_000 },
  ci: { lifecycles: 60, concurrency: 8, killsPerService: 1, natsRestarts: 1, pgRestarts: 1, gapMs: [1000, 2500], warmupCases: 6, stepTimeoutMs: 90_000, checkWaitMs: 60_000 },
};

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const profileName = flag('profile') ?? process.env.FAULT_PROFILE ?? 'full';
if (!PROFILES[profileName]) {
  console.error(`unknown profile ${profileName}: full or ci`);
  process.exit(2);
}
const profile = { ...PROFILES[profileName] };
if (flag('lifecycles')) profile.lifecycles = Number(flag('lifecycles'));
if (flag('concurrency')) profile.concurrency = Number(flag('concurrency'));
const seed = Number(flag('seed') ?? process.env.FAULT_SEED ?? randomInt(1, 2 ** 31 - 1)) >>> 0;
const keep = args.includes('--keep');

const T0 = Date.now();
const stamp = () => `[+${((Date.now() - T0) / 1000).toFixed(1).padStart(6)}s]`;
const say = (line) => console.log(`${stamp()} ${line}`);

// ---- what it needs
const bins = findBinaries();
if (bins.missing.length) {
  console.error(`The fault suite runs its own PostgreSQL and NATS, and needs ${bins.missing.join(' and ')}.`);
  process.exit(args.includes('--skip-if-missing') ? 0 : 3);
}

console.log(`fault suite: profile ${profileName}, seed ${seed} (replay: FAULT_SEED=${seed} npm run test:faults -- --profile ${profileName}), ${profile.lifecycles} lifecycles at concurrency ${profile.concurrency}`);

// ---- build if a source is newer than the last build
if (!args.includes('--no-build')) {
  const info = path.join(ROOT, 'dist/.tsbuildinfo');
  const built = existsSync(info) ? statSync(info).mtimeMs : 0;
  const newest = (dir) => {
    let m = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) m = Math.max(m, newest(p));
      else if (e.name.endsWith('.ts')) m = Math.max(m, statSync(p).mtimeMs);
    }
    return m;
  };
  const sources = Math.max(newest(path.join(ROOT, 'apps')), newest(path.join(ROOT, 'libs')), ...['tsconfig.json', 'tsconfig.build.json'].map((f) => statSync(path.join(ROOT, f)).mtimeMs));
  if (sources > built || SERVICES.some((s) => !existsSync(path.join(ROOT, `dist/apps/${s}/src/main.js`)))) {
    say('building (a source is newer than dist/)…');
    const b = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) {
      console.error('the build failed; fix it (or pass --no-build to run the dist/ there is)');
      process.exit(1);
    }
  }
}
const { Client } = await import('./client.mjs');
const { planLifecycle, runLifecycle, LifecycleFailed, NotificationTail, SCRIPTS } = await import('./lifecycles.mjs');
const { planChaos, runChaos, describeFault } = await import('./chaos.mjs');

// ---- ports (24000-24999) and the private servers
let base;
for (let tries = 0; tries < 50 && base === undefined; tries++) {
  const b = 24000 + 20 * randomInt(0, 49);
  const ports = [b, b + 1, ...Array.from({ length: 6 }, (_, i) => b + 10 + i)];
  if ((await Promise.all(ports.map(portFree))).every(Boolean)) base = b;
}
if (base === undefined) {
  console.error('no free ports in 24000-24999');
  process.exit(1);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'ow-faults-'));
const serviceLog = createWriteStream(path.join(dir, 'services.log'));
const postgres = privatePostgres({ pgBin: bins.pgBin, dir, port: base, log: say });
const nats = privateNats({ bin: bins.nats, dir, port: base + 1, log: say });
const namespace = 'fx';
const notifyFile = path.join(dir, 'notifications.jsonl');
const certKey = path.join(dir, 'cert-signing-key.pem');
writeFileSync(certKey, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });

const launcherLines = [];
const logCounts = { alert: 0, unhandled: 0 };
let stack;
let stopping = false;
let tail;
async function teardown(removeDir) {
  stopping = true;
  tail?.stop();
  if (stack) await stack.down().catch(() => undefined);
  await nats.stop().catch(() => undefined);
  await postgres.stop().catch(() => undefined);
  serviceLog.end();
  if (removeDir) rmSync(dir, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    console.error(`\n${sig}: stopping the stack, NATS and PostgreSQL (data left in ${dir})`);
    await teardown(false);
    process.exit(130);
  });
}

const timings = {};
let exitCode = 0;
let internalErrors = 0;
try {
  await postgres.init();
  await ensureDatabase(postgres.url);
  await nats.init();
  stack = createStack({
    databaseUrl: postgres.url,
    natsUrl: nats.url,
    namespace,
    basePort: base + 10,
    seedDemo: true,
    env: {
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      NOTIFY_FILE: notifyFile,
      NOTIFY_POLL_MS: '200',
      CERT_SIGNING_KEY_FILE: certKey,
    },
    output: (service, line) => {
      serviceLog.write(`${new Date().toISOString()} ${service.padEnd(8)} | ${line}\n`);
      if (/ALERT/.test(line)) logCounts.alert++;
      if (/unhandledRejection|uncaughtException/.test(line)) logCounts.unhandled++;
    },
    // npm start's policy: 1 s, 2 s, 5 s, 10 s, 30 s; give up after 5 quick failures in a row.
    restart: {
      ...DEFAULT_RESTART,
      log: (line) => {
        launcherLines.push({ at: Date.now(), line });
        say(`  launcher: ${line}`);
      },
    },
  });
  say(`starting the six services (gateway on 127.0.0.1:${base + 10}; logs in ${path.join(dir, 'services.log')})`);
  await stack.up(180_000);
  timings.setupMs = Date.now() - T0;
  say(`stack up in ${(timings.setupMs / 1000).toFixed(1)} s`);

  // ---- the plan
  const root = rng(seed);
  const chaosPlan = planChaos(profile, root.fork(1));
  say(`chaos schedule (${chaosPlan.length} faults, in this order, each after its pause and once the previous one recovered):`);
  for (const f of chaosPlan) console.log(`           ${String(f.i).padStart(2)}. +${(f.gapMs / 1000).toFixed(1)} s  ${describeFault(f)}`);

  const client = new Client(stack.url);
  tail = new NotificationTail(notifyFile);
  const records = [];
  const failures = [];
  let accepted = 0;
  let next = 0;
  let chaosDone = false;
  const driveStart = Date.now();
  const ctx = { client, tail, seed, stepTimeoutMs: profile.stepTimeoutMs, onStart: (r) => records.push(r), onAccepted: () => accepted++ };
  const plans = new Map();
  const progress = setInterval(() => {
    const finished = records.filter((r) => r.step === 'done').length;
    say(`progress: ${next} started, ${accepted} accepted, ${finished} finished, ${failures.length} failed`);
  }, 15_000);
  const chaos = runChaos({
    faults: chaosPlan,
    stack,
    nats,
    postgres,
    databaseUrl: postgres.url,
    say,
    shouldStart: () => accepted >= profile.warmupCases,
    stopping: () => stopping,
  }).finally(() => {
    chaosDone = true;
  });
  const worker = async () => {
    // The planned number of lifecycles, and more while the chaos still runs: every fault meets a loaded stack.
    while (next < profile.lifecycles || !chaosDone) {
      const n = next++;
      const plan = planLifecycle(n, root.fork(1000 + n));
      plans.set(n, plan);
      try {
        await runLifecycle(plan, ctx);
      } catch (e) {
        const rec = records.find((r) => r.n === n);
        if (rec) rec.error = e.message;
        failures.push({ n, script: plan.script, variant: plan.variant, caseNo: rec?.caseNo ?? null, step: rec?.step, error: e.message, evidence: e instanceof LifecycleFailed ? e.evidence : e.stack });
        say(`lifecycle #${n} (${plan.script}, ${plan.variant}) FAILED at ${rec?.step}: ${e.message}${e.evidence ? `\n           last view: ${e.evidence}` : ''}`);
      }
    }
  };
  await Promise.all(Array.from({ length: profile.concurrency }, worker));
  const faultsDone = await chaos;
  clearInterval(progress);
  timings.driveMs = Date.now() - driveStart;
  say(`driving done: ${records.length} lifecycles in ${(timings.driveMs / 1000).toFixed(1)} s; checking the invariants…`);

  // ---- the expect file and the checker
  const expect = {
    generatedBy: 'scripts/faults/run.mjs',
    seed,
    profile: profileName,
    namespace,
    cases: records
      .filter((r) => r.caseNo)
      .sort((a, b) => a.n - b.n)
      .map((r) => ({ lifecycle: r.n, script: r.script, variant: r.variant, caseNo: r.caseNo, idempotencyKey: r.idempotencyKey, requestId: `clerk1:${r.idempotencyKey}`, end: plans.get(r.n).end })),
    unanswered: records.filter((r) => !r.caseNo).map((r) => ({ lifecycle: r.n, script: r.script, idempotencyKey: r.idempotencyKey, requestId: `clerk1:${r.idempotencyKey}` })),
    expectedDeadLetters: [],
  };
  const expectFile = flag('expect-out') ?? path.join(dir, 'expect.json');
  writeFileSync(expectFile, JSON.stringify(expect, null, 2));
  const checkStart = Date.now();
  const report = await checkInvariants({ databaseUrl: postgres.url, natsUrl: nats.url, namespace, expect, onlyExpected: true, waitMs: profile.checkWaitMs, log: say });
  timings.checkMs = Date.now() - checkStart;

  // ---- figures
  const line = (s = '') => console.log(s);
  line();
  line(`== fault suite, profile ${profileName}, seed ${seed} ==`);
  const extra = Math.max(0, records.length - profile.lifecycles);
  line(`lifecycles: ${records.length} (${profile.lifecycles} planned${extra ? ` + ${extra} started while the chaos still ran` : ''}), ${records.filter((r) => r.step === 'done').length} reached their end, ${failures.length} failed; concurrency ${profile.concurrency}`);
  const table = {};
  for (const r of records) {
    const key = r.script;
    table[key] ??= {};
    const end = r.observed ?? (r.caseNo ? `FAILED at ${r.step}` : 'never accepted');
    table[key][end] = (table[key][end] ?? 0) + 1;
  }
  line('cases by script and end state (as the driver saw it; the checker below reads the databases):');
  for (const [script, ends] of Object.entries(table).sort()) {
    line(`  ${script.padEnd(26)} ${Object.entries(ends).map(([e, n]) => `${e} ${n}`).join(', ')}   — ${SCRIPTS[script]}`);
  }
  const s = client.stats;
  line(
    `HTTP: ${s.requests} requests (${s.commands} commands, ${s.reads} reads); retried after: timeout ${s.retries.timeout}, connection error ${s.retries.connection}, 502 ${s.retries[502]}, 503 ${s.retries[503]}, 504 ${s.retries[504]}, 500 ${s.retries[500]}, 409 in progress ${s.retries.inProgress}, 401 ${s.retries.unauthorized}`,
  );
  const foundDone = records.flatMap((r) => r.notes).filter((n) => n.includes('but it was done')).length;
  line(`  commands retried: ${s.retriedCommands}; answered from the first attempt (Idempotent-Replayed) ${s.replayed}; refused on retry but found done (the first answer was lost) ${foundDone}`);
  if (client.internalErrors.length) {
    line(`  500 answers (${client.internalErrors.length}), the first few:`);
    for (const e of client.internalErrors.slice(0, 5)) line(`    ${e.at} ${e.method} ${e.path} as ${e.user}: ${JSON.stringify(e.body).slice(0, 300)}`);
    // The services' own account of them: the log lines that name their errorId (and what follows: the stack).
    await new Promise((r) => serviceLog.write('', r));
    const logLines = readFileSync(path.join(dir, 'services.log'), 'utf8').split('\n');
    const ids = [...new Set(client.internalErrors.map((e) => e.body?.errorId ?? e.body?.details?.errorId).filter(Boolean))];
    line(`  what the services logged for them (${ids.length} error ids; all lines in ${path.join(dir, 'services.log')}):`);
    for (const id of ids.slice(0, 3)) {
      const i = logLines.findIndex((l) => l.includes(id));
      if (i < 0) line(`    ${id}: not in the log`);
      else for (const l of logLines.slice(i, i + 6)) line(`    ${l.slice(0, 400)}`);
    }
  }
  const kills = {};
  for (const f of faultsDone.filter((x) => x.kind === 'kill')) kills[f.service] = (kills[f.service] ?? 0) + 1;
  const natsRestarts = faultsDone.filter((f) => f.kind === 'nats').length;
  const pgRestarts = faultsDone.filter((f) => f.kind === 'pg');
  line(
    `faults: ${faultsDone.length}/${chaosPlan.length} — kills ${Object.values(kills).reduce((a, b) => a + b, 0)} (${SERVICES.map((x) => `${x} ${kills[x] ?? 0}`).join(', ')}); NATS restarts ${natsRestarts}; PostgreSQL restarts ${pgRestarts.length} (${pgRestarts.filter((p) => p.mode === 'fast').length} fast, ${pgRestarts.filter((p) => p.mode === 'immediate').length} immediate)`,
  );
  const killedTimes = faultsDone.filter((f) => f.kind === 'kill').map((f) => ({ service: f.service, at: Date.parse(f.at) }));
  const unplanned = launcherLines.filter((l) => {
    const svc = l.line.split(' ')[0];
    return !killedTimes.some((k) => k.service === svc && l.at >= k.at && l.at - k.at < 10_000);
  });
  line(`  launcher restarts: ${SERVICES.map((x) => `${x} ${stack.restarts[x] ?? 0}`).join(', ')}; exits nobody caused: ${unplanned.length ? unplanned.map((l) => l.line).join(' | ') : 'none'}`);
  line(`  service log lines: ${logCounts.alert} ALERT (dead letters), ${logCounts.unhandled} unhandled errors`);
  line('recovery (from the fault until all six answer /health 200 | until the outbox rows written by then are published):');
  for (const f of faultsDone) {
    const fmt = (ms) => (ms === null || ms === undefined ? 'NEVER' : `${(ms / 1000).toFixed(1)} s`);
    line(`  ${String(f.i).padStart(2)}. ${describeFault(f).padEnd(64)} ${fmt(f.healthMs).padStart(7)} | ${fmt(f.drainMs).padStart(7)}`);
  }
  for (const kind of ['kill', 'nats', 'pg']) {
    const xs = faultsDone.filter((f) => f.kind === kind);
    if (!xs.length) continue;
    const stat = (k) => {
      const v = xs.map((f) => f[k]).filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
      return v.length ? `median ${(v[Math.floor((v.length - 1) / 2)] / 1000).toFixed(1)} s, max ${(v.at(-1) / 1000).toFixed(1)} s${v.length < xs.length ? `, ${xs.length - v.length} NEVER` : ''}` : 'NEVER';
    };
    line(`  ${{ kill: 'service kills', nats: 'NATS restarts', pg: 'PostgreSQL restarts' }[kind].padEnd(20)} health ${stat('healthMs')}; drained ${stat('drainMs')}`);
  }
  if (failures.length) {
    line(`failed lifecycles (${failures.length}):`);
    for (const f of failures.slice(0, 20)) line(`  #${f.n} ${f.script} (${f.variant}) case ${f.caseNo ?? '-'} at ${f.step}: ${f.error}\n      ${f.evidence ?? ''}`);
  }
  line(`invariants (${report.quiescence.quiet ? `quiescent after ${(report.quiescence.afterMs / 1000).toFixed(1)} s` : 'NOT quiescent'}; expect file ${expectFile}):`);
  printResults(report, (l) => line(`  ${l}`));
  timings.totalMs = Date.now() - T0;
  line(`durations: setup ${(timings.setupMs / 1000).toFixed(0)} s, driving under chaos ${(timings.driveMs / 1000).toFixed(0)} s, quiescence + check ${(timings.checkMs / 1000).toFixed(0)} s, total ${(timings.totalMs / 1000).toFixed(0)} s`);
  internalErrors = client.internalErrors.length;
  const ok = report.ok && failures.length === 0 && faultsDone.length === chaosPlan.length;
  line(ok ? `PASS: every invariant holds (seed ${seed})` : `FAIL (seed ${seed}; replay with FAULT_SEED=${seed}; data kept in ${dir})`);
  exitCode = ok ? 0 : 1;
} catch (e) {
  console.error(`fault suite aborted: ${e.stack ?? e.message}\n(data and logs in ${dir})`);
  exitCode = 1;
}
// A run with 500 answers passes (they are the app's to explain, not an invariant), but keeps its logs as evidence.
const evidence = internalErrors > 0;
await teardown(exitCode === 0 && !keep && !evidence);
if (exitCode !== 0 || keep || evidence) console.log(`kept ${dir} (postgres.log, nats.log, services.log, notifications.jsonl, expect.json, pg/ and nats/ stores)`);
process.exit(exitCode);
