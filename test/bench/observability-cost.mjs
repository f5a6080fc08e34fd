// What the observability hooks cost on the hot path, per call, as the services make them (issue #13).
//   npm run build && node test/bench/observability-cost.mjs
// Tracing off (the default) first, then on, exporting over OTLP/HTTP to a local sink that answers 200 (so the
// batch export's serialisation and sending are counted). CPU time per call = process CPU (user + system) / calls.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { countCommitted, httpObserver, metricsText, observeEvent, observeRpcCall, observeRpcServed, startTracing, flushTracing } from '#libs/observability';
import { newEvent } from '#libs/messaging';

const N = Number(process.env.N ?? 200_000);
const SUBJECTS = ['rpc.intake.case.accept', 'rpc.intake.case.get', 'rpc.routing.workflow.get', 'rpc.approval.task.decide'];
const TYPES = ['intake.case.accepted.v1', 'routing.stage.opened.v1', 'approval.task.decided.v1'];
const actor = { id: 'clerk1', role: 'CLERK' };

async function measure(name, calls, body) {
  for (let i = 0; i < Math.min(calls, 20_000); i++) await body(i); // warm up
  if (global.gc) global.gc();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) await body(i);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuUsPerCall = (cpu.user + cpu.system) / calls;
  return { name, calls, 'CPU µs/call': cpuUsPerCall.toFixed(2), 'wall µs/call': ((wall * 1000) / calls).toFixed(2) };
}

function fakeHttp(i) {
  let close = () => undefined;
  const req = { method: i % 3 ? 'GET' : 'POST', baseUrl: '', route: undefined };
  const res = { statusCode: 200, writableFinished: true, once: (_e, l) => (close = l) };
  return { req, res, done: () => ((req.route = { path: '/api/v1/cases/:caseNo' }), close()) };
}

async function suite(label) {
  const rows = [];
  rows.push(await measure(`${label}: baseline (an async call, nothing else)`, N, async () => undefined));
  rows.push(
    await measure(`${label}: RPC answered (observeRpcServed + run + end)`, N, async (i) => {
      const s = observeRpcServed(SUBJECTS[i & 3], undefined);
      await s.run(async () => undefined);
      s.end();
    }),
  );
  rows.push(
    await measure(`${label}: RPC made (observeRpcCall + end)`, N, async (i) => {
      const h = natsHeaders();
      const c = observeRpcCall(SUBJECTS[i & 3], h);
      c.end('ok');
    }),
  );
  rows.push(await measure(`${label}:   (NATS headers alone, for scale)`, N, async () => void natsHeaders()));
  const e = newEvent(TYPES[0], 'C1', { a: 1 }, { actor });
  rows.push(await measure(`${label}: event handled (observeEvent)`, N, async (i) => observeEvent('routing', 'routing__x', { ...e, type: TYPES[i % 3] }, async () => undefined)));
  rows.push(await measure(`${label}: newEvent (with traceparent capture)`, N, async (i) => void newEvent(TYPES[i % 3], 'C1', { a: 1 }, { actor })));
  const three = [e, e, e];
  rows.push(await measure(`${label}: commit of 3 events counted (countCommitted)`, N, async () => countCommitted(three)));
  rows.push(
    await measure(`${label}: HTTP answer (httpObserver)`, N, async (i) => {
      const { req, res, done } = fakeHttp(i);
      httpObserver(req, res, () => undefined);
      done();
    }),
  );
  return rows;
}

const off = await suite('off');
const t0 = performance.now();
const scrapes = 200;
for (let i = 0; i < scrapes; i++) await metricsText();
const scrapeMs = (performance.now() - t0) / scrapes;

// Tracing on: a local OTLP sink on an ephemeral loopback port.
let received = 0;
const sink = http.createServer((req, res) => {
  req.on('data', (c) => (received += c.length));
  req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
});
await new Promise((r) => sink.listen(0, '127.0.0.1', r));
await startTracing('bench', { otlpEndpoint: `http://127.0.0.1:${sink.address().port}`, traceSampleRatio: 1 });
const on = await suite('on ');
await flushTracing();
sink.close();

console.table([...off, ...on]);
console.log(`GET /metrics of this process (its series after the runs above, no scrape-time queries): ${scrapeMs.toFixed(2)} ms per scrape`);
console.log(`OTLP bytes received by the sink: ${received}`);
process.exit(0);
