// CPU per case of each service with tracing off and on (issue #13), on a stack of its own (fresh database, own
// namespace, ports 28000-28990 unless OW_BENCH_BASE_PORT), and what GET /metrics costs on each service.
//   npm run build && node test/bench/observability-stack.mjs [cases=100]
// Each case: SEAL-FILING decided at the window (POST /cases as rep.psb), which sets off the whole chain through all
// six services (≈ a dozen transactions). CPU is each process's process_cpu_seconds_total, read before and after,
// less its idle rate (measured over 5 s just before) times the run's duration.
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { creditCodeCheckChar } from '#libs/checks';
import { createStack, dropDatabase, ensureDatabase, SERVICES } from '../../scripts/stack.mjs';

const CASES = Number(process.argv[2] ?? 100);
const DB = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NATS = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const body = (() => {
  const base = '91510704MA6CU1234';
  const idNumber = base + creditCodeCheckChar(base);
  return {
    itemCode: 'SEAL-FILING',
    centerCode: '510704-C01',
    applicant: { type: 'ORG', name: '示范科技有限公司', idType: 'USCC', idNumber, phone: '13812345678' },
    materials: [{ code: 'M01', provided: true }, { code: 'M02', provided: true }],
    delivery: { method: 'WINDOW' },
    decideNow: { decision: 'APPROVE', opinion: '材料齐全，准予备案' },
  };
})();

async function cpuSeconds(port) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^process_cpu_seconds_total(?:\{[^}]*\})? ([\d.e+-]+)$/m.exec(text)?.[1]);
}

async function timedScrape(port) {
  const t0 = performance.now();
  const r = await fetch(`http://127.0.0.1:${port}/metrics`);
  const text = await r.text();
  return { ms: performance.now() - t0, bytes: text.length };
}

async function run(mode) {
  const u = new URL(DB);
  u.pathname = `/ow_obsbench_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(u.toString());
  let sink;
  let otlpBytes = 0;
  const env = { LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000', NOTIFY_POLL_MS: '1000' };
  if (mode === 'on') {
    sink = http.createServer((req, res) => req.on('data', (c) => (otlpBytes += c.length)).on('end', () => res.writeHead(200).end('{}')));
    await new Promise((r) => sink.listen(0, '127.0.0.1', r));
    env.OTEL_EXPORTER_OTLP_ENDPOINT = `http://127.0.0.1:${sink.address().port}`;
  }
  const basePort = Number(process.env.OW_BENCH_BASE_PORT ?? 28000 + Math.floor(Math.random() * 99) * 10);
  const stack = createStack({ databaseUrl: u.toString(), natsUrl: NATS, namespace: `obsbench_${randomBytes(3).toString('hex')}`, basePort, seedDemo: true, env, output: () => undefined });
  try {
    await stack.up(120_000);
    const login = await (await fetch(`${stack.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'rep.psb', password: 'demo-password' }) })).json();
    const accept = async () => {
      const r = await fetch(`${stack.url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}`, 'idempotency-key': randomUUID() },
        body: JSON.stringify(body),
      });
      if (r.status !== 201) throw new Error(`accept: ${r.status} ${await r.text()}`);
      return (await r.json()).caseNo;
    };
    const settled = async (caseNo) => {
      for (let i = 0; i < 300; i++) {
        const r = await fetch(`${stack.url}/api/v1/cases/${caseNo}`, { headers: { authorization: `Bearer ${login.accessToken}` } });
        if ((await r.json()).status === 'READY_FOR_DELIVERY') return;
        await new Promise((res) => setTimeout(res, 100));
      }
      throw new Error(`${caseNo} never got READY_FOR_DELIVERY`);
    };
    for (let i = 0; i < 10; i++) await settled(await accept()); // warm up
    await new Promise((r) => setTimeout(r, 2000));
    const cpu = async () => Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await cpuSeconds(stack.ports[s])])));
    // The processes' CPU while idle (timers, sweeps, the scrapes themselves), subtracted below per second of the run.
    const idle0 = await cpu();
    const idleStart = performance.now();
    await new Promise((r) => setTimeout(r, 5000));
    const idle1 = await cpu();
    const idleSeconds = (performance.now() - idleStart) / 1000;
    const bytes0 = otlpBytes;
    const before = await cpu();
    const started = performance.now();
    let last;
    for (let i = 0; i < CASES; i++) last = await accept();
    await settled(last);
    await new Promise((r) => setTimeout(r, 3000)); // the tail of the chains, and one notification sweep
    const after = await cpu();
    const seconds = (performance.now() - started) / 1000;
    const cpuMsPerCase = Object.fromEntries(
      SERVICES.map((s) => [s, ((after[s] - before[s] - ((idle1[s] - idle0[s]) / idleSeconds) * seconds) * 1000) / CASES]),
    );
    if (mode === 'on') console.log(`tracing on: ${((otlpBytes - bytes0) / CASES / 1024).toFixed(1)} KiB of OTLP per case`);
    const scrapes = {};
    for (const s of SERVICES) {
      const cold = await timedScrape(stack.ports[s]); // the scrape-time readings are usually cached by now; see below
      const warm = await timedScrape(stack.ports[s]);
      scrapes[s] = { cold, warm };
    }
    return { cpuMsPerCase, scrapes };
  } finally {
    await stack.down();
    sink?.close();
    await dropDatabase(u.toString()).catch(() => undefined);
  }
}

// Alternating, so a noisy neighbour on the shared machine is less likely to favour one mode.
const order = (process.env.OW_BENCH_ORDER ?? 'off,on,on,off').split(',');
const results = { off: [], on: [] };
for (const mode of order) results[mode].push(await run(mode));
const mean = (runs) => ({
  cpuMsPerCase: Object.fromEntries(SERVICES.map((s) => [s, runs.reduce((a, r) => a + r.cpuMsPerCase[s], 0) / runs.length])),
  scrapes: runs[0].scrapes,
});
const off = mean(results.off);
const on = mean(results.on);
const rows = SERVICES.map((s) => ({
  service: s,
  'CPU ms/case, tracing off': off.cpuMsPerCase[s].toFixed(2),
  'CPU ms/case, tracing on': on.cpuMsPerCase[s].toFixed(2),
  'GET /metrics ms (1st, 2nd)': `${off.scrapes[s].cold.ms.toFixed(1)}, ${off.scrapes[s].warm.ms.toFixed(1)}`,
  'metrics KiB': (off.scrapes[s].warm.bytes / 1024).toFixed(1),
}));
const total = (m) => Object.values(m.cpuMsPerCase).reduce((a, b) => a + b, 0).toFixed(2);
rows.push({ service: 'all six', 'CPU ms/case, tracing off': total(off), 'CPU ms/case, tracing on': total(on) });
console.table(rows);
console.log(`runs: ${order.join(', ')}; per run:`, JSON.stringify(Object.fromEntries(Object.entries(results).map(([m, rs]) => [m, rs.map((r) => Object.values(r.cpuMsPerCase).reduce((a, b) => a + b, 0).toFixed(1))]))));
console.log(`${CASES} cases, sequential. NATS streams of the runs are left to their max age (namespaces obsbench_*).`);
process.exit(0);
