// npm run bench [-- --n 200 --c 20]: N RE-TRANSFER lifecycles at concurrency C over HTTP, against a stack of its own
// (fresh database, own NATS namespace), or against BENCH_URL if set (a stack started with npm start).
// Prints lifecycles/s and p50/p99 of acceptance and of accepted → delivered.
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createStack, dropDatabase, ensureDatabase } from './stack.mjs';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('n', 200);
const C = arg('c', 20);
// How often a lifecycle looks at its case while waiting for the back office; the looking is load too.
const POLL_MS = arg('poll', 100);
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const stamp = Date.now().toString(36);
const namespace = `bench_${stamp}`;
const dbUrl = `postgres://postgres@127.0.0.1:5432/ow_bench_${stamp}`;

let stack;
let base = process.env.BENCH_URL;
if (!base) {
  await ensureDatabase(process.env.DATABASE_URL ?? dbUrl);
  stack = createStack({ databaseUrl: process.env.DATABASE_URL ?? dbUrl, natsUrl, namespace, basePort: 23000, seedDemo: true, env: { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000' }, output: () => {} });
  await stack.up(90000);
  base = stack.url;
}

const tokens = {};
async function call(user, method, path, body) {
  const headers = { 'content-type': 'application/json' };
  if (user) headers.authorization = `Bearer ${tokens[user]}`;
  if (method === 'POST') headers['idempotency-key'] = randomUUID();
  const res = await fetch(`${base}/api/v1${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
for (const u of ['clerk1', 'finance1', 'courier1', 'supervisor1', 'rep.hud', 'rep.tax', 'rep.nrb']) {
  const r = await call(null, 'POST', '/auth/login', { username: u, password: process.env.DEMO_PASSWORD ?? 'demo-password' });
  tokens[u] = r.body.accessToken;
}

const application = {
  itemCode: 'RE-TRANSFER',
  centerCode: '510704-C01',
  applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: '11010519491231002X', phone: '13800138000' },
  materials: ['M01', 'M02', 'M03', 'M04', 'M05'].map((code) => ({ code, provided: true })),
  form: { propertyType: 'RESIDENTIAL', extraCertificates: 1 },
  delivery: { method: 'COURIER', recipient: '张三', phone: '13900139000', address: '示范区人民路1号' },
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(probe, what, timeoutMs = 60000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timeout: ${what}`);
    await sleep(POLL_MS);
  }
}
const caseView = (caseNo) => call('supervisor1', 'GET', `/cases/${caseNo}`).then((r) => r.body);
const reps = { HUD: 'rep.hud', TAX: 'rep.tax', NRB: 'rep.nrb' };

async function lifecycle() {
  const t0 = performance.now();
  const accepted = await call('clerk1', 'POST', '/cases', application);
  const tAccepted = performance.now();
  if (accepted.status !== 201) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const { caseNo } = accepted.body;
  const tasks = await until(async () => {
    const c = await caseView(caseNo);
    return c.tasks?.length === 3 ? c.tasks : undefined;
  }, 'tasks');
  await Promise.all(tasks.map((t) => call(reps[t.department], 'POST', `/tasks/${t.taskId}/decision`, { decision: 'APPROVE', opinion: '同意' })));
  const notice = await until(async () => (await caseView(caseNo)).paymentNotice, 'payment notice');
  await call('finance1', 'POST', `/payment-notices/${notice.noticeNo}/payments`, { amountFen: notice.totalFen, channel: 'POS', reference: `BENCH-${caseNo}` });
  const delivery = await until(async () => (await caseView(caseNo)).deliveries?.[0], 'delivery');
  await call('courier1', 'POST', `/deliveries/${delivery.deliveryId}/dispatch`, { carrier: 'EMS', waybillNo: `EMS${caseNo.slice(-12)}` });
  await until(async () => (await caseView(caseNo)).status === 'DELIVERING', 'delivering');
  await call('courier1', 'POST', `/deliveries/${delivery.deliveryId}/delivered`, { signedBy: '张三' });
  await until(async () => (await caseView(caseNo)).status === 'DELIVERED', 'delivered');
  return { accept: tAccepted - t0, toDelivered: performance.now() - tAccepted };
}

// Phase 1: acceptance alone, as a busy window would load the system.
async function acceptOnly(n, c) {
  const times = [];
  let i = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (i < n) {
        i++;
        const s = performance.now();
        const r = await call('clerk1', 'POST', '/cases', application);
        if (r.status !== 201) throw new Error(`accept: ${r.status} ${JSON.stringify(r.body)}`);
        times.push(performance.now() - s);
      }
    }),
  );
  return { times, seconds: (performance.now() - t0) / 1000 };
}
const acceptPhase = await acceptOnly(N, C);

const results = [];
let next = 0;
let failures = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: C }, async () => {
    while (next < N) {
      next++;
      try {
        results.push(await lifecycle());
      } catch (e) {
        failures++;
        console.error(e.message);
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const acc = results.map((r) => r.accept);
const del = results.map((r) => r.toDelivered);
console.log(`acceptance alone: ${N} cases at concurrency ${C}: ${(N / acceptPhase.seconds).toFixed(1)} cases/s, p50 ${pct(acceptPhase.times, 50).toFixed(1)} ms, p99 ${pct(acceptPhase.times, 99).toFixed(1)} ms`);
console.log(`RE-TRANSFER lifecycles: ${results.length} done, ${failures} failed, concurrency ${C}, ${seconds.toFixed(1)} s`);
console.log(`  throughput            ${(results.length / seconds).toFixed(2)} lifecycles/s`);
console.log(`  acceptance            p50 ${pct(acc, 50).toFixed(1)} ms   p99 ${pct(acc, 99).toFixed(1)} ms`);
console.log(`  accepted → delivered  p50 ${pct(del, 50).toFixed(0)} ms   p99 ${pct(del, 99).toFixed(0)} ms  (includes the bench's own polling, ${POLL_MS} ms steps)`);

if (stack) {
  await stack.down();
  const nc = await connect({ servers: natsUrl });
  const jsm = await jetstreamManager(nc);
  for (const s of await jsm.streams.names().next()) if (s.startsWith(namespace.toUpperCase())) await jsm.streams.delete(s);
  await nc.close();
  if (!process.env.DATABASE_URL) await dropDatabase(dbUrl);
}
process.exit(failures ? 1 : 0);
