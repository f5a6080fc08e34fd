import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpanLine } from '#libs/observability';
import { accept } from '../support/flows.js';
import { freeBasePort } from '../support/free-ports.js';
import { sealFiling } from '../support/intake-applications.js';
import { caseWhere, eventually, ORG_ID, type Api } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

const SERVICES = ['gateway', 'intake', 'routing', 'approval', 'fees', 'delivery'] as const;

/**
 * Issue #13 over the six processes: with OTEL_TEST_EXPORTER=file:<path> every service appends its finished spans to
 * one file; a case decided at the window (SEAL-FILING, rep.psb) is driven through delivery, and the spans are read
 * back. Then every service's /metrics, /health/live and /health/ready.
 */
describe('observability: traces across the six services, /metrics, liveness and readiness', () => {
  const traceFile = join(tmpdir(), `ow-spans-${randomUUID()}.jsonl`);
  let t: TestStack;
  let api: Api;
  let caseNo: string;

  beforeAll(async () => {
    t = await startTestStack({
      basePort: await freeBasePort(process.env.OW_TEST_BASE_PORTS ?? '28000-28990'),
      namespacePrefix: 'obs_e2e',
      env: { OTEL_TEST_EXPORTER: `file:${traceFile}` },
    });
    api = t.api;
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
    await rm(traceFile, { force: true });
  }, 60_000);

  const spans = async (): Promise<SpanLine[]> =>
    (await readFile(traceFile, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as SpanLine);

  /** The trace that handled `eventType` for the case in `service`, once every span named in `until` is in it. */
  async function traceOf(service: string, eventType: string, until: (trace: SpanLine[]) => boolean, what: string): Promise<SpanLine[]> {
    return eventually(
      async () => {
        const all = await spans();
        const consumer = all.find((s) => s.service === service && s.kind === 'CONSUMER' && s.name === eventType && s.attributes['case.no'] === caseNo);
        const trace = consumer ? all.filter((s) => s.traceId === consumer.traceId) : [];
        return consumer && until(trace) ? trace : undefined;
      },
      what,
      30_000,
    );
  }

  const consumed = (trace: SpanLine[], service: string, type: string) => trace.some((s) => s.service === service && s.kind === 'CONSUMER' && s.name === type);

  it('one lifecycle, from the window to the certificates, is ONE trace with spans from all six services', async () => {
    const c = await accept(api, sealFiling({ decision: 'APPROVE', opinion: '材料齐全，准予备案' }), 'rep.psb');
    caseNo = c.caseNo;
    await caseWhere(api, caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.deliveries.length > 0, 'READY_FOR_DELIVERY with its delivery');

    // accepted (intake) → routing opens the stage → approval records the decision at the window → routing approves →
    // fees settles (no fee) → delivery issues the certificates → routing follows them: every step in the trace.
    const trace = await traceOf(
      'routing',
      'intake.case.accepted.v1',
      (tr) =>
        consumed(tr, 'approval', 'routing.stage.opened.v1') &&
        consumed(tr, 'routing', 'approval.task.decided.v1') &&
        consumed(tr, 'fees', 'routing.case.approved.v1') &&
        consumed(tr, 'delivery', 'fees.case.settled.v1') &&
        consumed(tr, 'routing', 'delivery.certificates.issued.v1'),
      `the acceptance trace of ${caseNo} down to the certificates`,
    );
    expect(new Set(trace.map((s) => s.service))).toEqual(new Set(SERVICES));

    // One root: the gateway's request, named by its route template; every other span hangs from a span of the trace.
    const roots = trace.filter((s) => !s.parentSpanId);
    expect(roots).toEqual([expect.objectContaining({ service: 'gateway', kind: 'SERVER', name: 'POST /api/v1/cases', attributes: expect.objectContaining({ 'http.response.status_code': 201 }) })]);
    const ids = new Set(trace.map((s) => s.spanId));
    for (const s of trace) if (s.parentSpanId) expect([s.name, ids.has(s.parentSpanId)]).toEqual([s.name, true]);

    // The gateway's NATS request and intake's answer: client and server, parent and child, over the headers.
    const call = trace.find((s) => s.service === 'gateway' && s.kind === 'CLIENT' && s.name === 'rpc.intake.case.accept');
    const answer = trace.find((s) => s.service === 'intake' && s.kind === 'SERVER' && s.name === 'rpc.intake.case.accept');
    expect(call?.parentSpanId).toBe(roots[0].spanId);
    expect(answer?.parentSpanId).toBe(call?.spanId);
    // …and the event intake committed continues from intake's answer, through the envelope.
    const routingStart = trace.find((s) => s.service === 'routing' && s.name === 'intake.case.accepted.v1');
    expect(routingStart?.parentSpanId).toBe(answer?.spanId);
    expect(trace.filter((s) => s.status === 'ERROR')).toEqual([]);
  });

  it('the pickup at the window is the next request of the case, traced through delivery, routing and intake', async () => {
    const view = await caseWhere(api, caseNo, (x) => x.deliveries.length > 0, 'its delivery');
    const pickupCode = await t.pickupCode(caseNo);
    const picked = await api.as('clerk1', 'POST', `/deliveries/${view.deliveries[0].deliveryId}/pickup`, { pickupCode, idNumber: ORG_ID });
    expect([200, 201]).toContain(picked.status);
    await caseWhere(api, caseNo, (x) => x.status === 'DELIVERED', 'DELIVERED');

    const trace = await traceOf('intake', 'delivery.delivery.delivered.v1', (tr) => consumed(tr, 'routing', 'delivery.delivery.delivered.v1'), `the pickup trace of ${caseNo}`);
    expect(trace.filter((s) => !s.parentSpanId)).toEqual([expect.objectContaining({ service: 'gateway', name: 'POST /api/v1/deliveries/:deliveryId/pickup' })]);
    expect(new Set(trace.map((s) => s.service))).toEqual(new Set(['gateway', 'delivery', 'routing', 'intake']));
  });

  it('every service answers /metrics with the expected series after the lifecycle', async () => {
    const text = async (service: string) => {
      const r = await fetch(`http://127.0.0.1:${t.stack.ports[service]}/metrics`);
      expect([service, r.status, r.headers.get('content-type')]).toEqual([service, 200, expect.stringContaining('text/plain')]);
      return r.text();
    };
    const metrics = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s, await text(s)] as const)));
    /** The values of `name`'s samples whose labels include `labels` (any order; a value may be a RegExp). */
    const values = (service: string, name: string, labels: Record<string, string | RegExp> = {}) =>
      metrics[service]
        .split('\n')
        .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
        .filter((l) => {
          const got = Object.fromEntries([...l.matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
          return got.service === service && Object.entries(labels).every(([k, v]) => (typeof v === 'string' ? got[k] === v : v.test(got[k] ?? '')));
        })
        .map((l) => Number(l.slice(l.lastIndexOf(' ') + 1)));
    /** At least one such sample, every one of them passing `ok`; the samples are shown when not. */
    const expectSeries = (service: string, name: string, labels: Record<string, string | RegExp>, ok: (v: number) => boolean = (v) => v >= 0) => {
      const found = values(service, name, labels);
      expect([service, name, labels, found.length > 0 && found.every(ok)]).toEqual([service, name, labels, true]);
    };
    const positive = (v: number) => v > 0;

    for (const service of SERVICES) {
      const body = metrics[service];
      for (const name of [
        'ow_rpc_server_duration_seconds',
        'ow_rpc_client_duration_seconds',
        'ow_event_handle_duration_seconds',
        'ow_events_committed_total',
        'ow_warnings_raised_total',
        'ow_messaging_dead_lettered_total',
        'process_cpu_seconds_total',
        'nodejs_eventloop_lag_seconds',
      ]) {
        expect([service, name, body.includes(`# TYPE ${name} `)]).toEqual([service, name, true]);
      }
      // Never a case number in a label.
      expect([service, body.includes(caseNo)]).toEqual([service, false]);
      if (service === 'gateway') continue;
      expectSeries(service, 'ow_outbox_backlog', {});
      expectSeries(service, 'ow_outbox_oldest_unpublished_age_seconds', {});
      const durable = new RegExp(`^${service}__[a-z0-9_]+$`);
      expectSeries(service, 'ow_consumer_pending', { consumer: durable });
      expectSeries(service, 'ow_consumer_ack_pending', { consumer: durable });
      expectSeries(service, 'ow_consumer_redelivered', { consumer: durable });
      expectSeries(service, 'ow_dead_letters', { consumer: durable }, (v) => v === 0);
      expectSeries(service, 'ow_rpc_server_duration_seconds_count', { subject: `rpc.${service}.health`, outcome: 'ok' }, positive);
    }
    // The gateway: its requests by route template, and the NATS requests it made.
    expectSeries('gateway', 'ow_http_requests_total', { method: 'POST', route: '/api/v1/cases', status: '201' }, positive);
    expectSeries('gateway', 'ow_http_request_duration_seconds_bucket', { method: 'POST', route: '/api/v1/cases', le: '+Inf' }, positive);
    expectSeries('gateway', 'ow_rpc_client_duration_seconds_count', { subject: 'rpc.intake.case.accept', outcome: 'ok' }, positive);
    // Intake answered the acceptance and committed its event; routing handled it and counts the cases by status.
    expectSeries('intake', 'ow_rpc_server_duration_seconds_count', { subject: 'rpc.intake.case.accept', outcome: 'ok' }, positive);
    expectSeries('intake', 'ow_events_committed_total', { type: 'intake.case.accepted.v1' }, positive);
    expectSeries('routing', 'ow_event_handle_duration_seconds_count', { type: 'intake.case.accepted.v1', outcome: 'handled' }, positive);
    expectSeries('routing', 'ow_cases_by_status', { status: 'DELIVERED' }, positive);
    expectSeries('routing', 'ow_cases_by_status', { status: 'WITHDRAWN' }, (v) => v === 0);
    expectSeries('delivery', 'ow_messaging_consumed_total', {}, positive);

    // The Grafana dashboard (deploy/grafana/one-window.json) asks only for metrics some service serves.
    const dashboard = await readFile(new URL('../../deploy/grafana/one-window.json', import.meta.url), 'utf8');
    const asked = new Set([...dashboard.matchAll(/\b((?:ow|process|nodejs)_[a-z0-9_]+)/g)].map((m) => m[1].replace(/_(bucket|count|sum)$/, '')));
    const served = new Set(Object.values(metrics).flatMap((body) => [...body.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1])));
    expect([...asked].filter((name) => !served.has(name))).toEqual([]);
  });

  it('every service is live and ready (200), and /health answers as before', async () => {
    for (const service of SERVICES) {
      const port = t.stack.ports[service];
      const live = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect([service, live.status, await live.json()]).toEqual([service, 200, expect.objectContaining({ service, status: 'up' })]);
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect([service, ready.status, await ready.json()]).toEqual([
        service,
        200,
        { service, status: 'up', dependencies: { postgres: expect.objectContaining({ status: 'up' }), nats: expect.objectContaining({ status: 'up' }) } },
      ]);
      expect([service, (await fetch(`http://127.0.0.1:${port}/health`)).status]).toEqual([service, 200]);
    }
  });
});
