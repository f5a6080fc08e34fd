import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MsgHdrs } from '@nats-io/transport-node';
import type { EventEnvelope } from '#libs/contracts';
import type { SpanLine } from './file-span-exporter.js';
import { countCommitted, httpObserver, observeEvent, observeRpcCall, observeRpcServed } from './instruments.js';
import { cachedReading, metricsText, scrapeGauge } from './metrics.js';
import { currentTraceparent, flushTracing, startTracing, tracingEnabled } from './tracing.js';

/** The few methods of NATS headers the hooks use. */
function headers(): MsgHdrs {
  const m = new Map<string, string>();
  return { get: (k: string) => m.get(k) ?? '', set: (k: string, v: string) => void m.set(k, v), has: (k: string) => m.has(k) } as unknown as MsgHdrs;
}

const envelope = (type: string, traceparent?: string): EventEnvelope => ({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  type,
  occurredAt: new Date().toISOString(),
  caseNo: 'C2026000001',
  correlationId: 'corr',
  causationId: null,
  actor: { id: 'test', role: 'SYSTEM' },
  data: { level: 'RED', subject: 'CASE' },
  ...(traceparent ? { traceparent } : {}),
});

/** One sample line's value from the exposition text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('the hot-path instruments', () => {
  describe('with tracing off (the default)', () => {
    it('start no SDK, put no traceparent anywhere, and still count and time', async () => {
      await startTracing('intake', { traceSampleRatio: 1 });
      expect(tracingEnabled()).toBe(false);
      const h = headers();
      const call = observeRpcCall('rpc.intake.case.accept', h);
      expect(h.has('traceparent')).toBe(false);
      call.end('ok');
      const served = observeRpcServed('rpc.intake.case.accept', h);
      expect(served.run(() => currentTraceparent())).toBeUndefined();
      served.end(Object.assign(new Error('no such case'), { status: 404 }));
      observeRpcServed('rpc.intake.case.accept', h).end(new Error('boom'));
      await expect(observeEvent('routing', 'routing__x', envelope('intake.case.accepted.v1'), async () => 'done')).resolves.toBe('done');
      await expect(observeEvent('routing', 'routing__x', envelope('intake.case.accepted.v1'), async () => Promise.reject(new Error('retry')))).rejects.toThrow('retry');
      countCommitted([envelope('routing.warning.raised.v1'), envelope('intake.case.accepted.v1')]);

      const text = await metricsText();
      expect(sample(text, 'ow_rpc_client_duration_seconds_count', { subject: 'rpc.intake.case.accept', outcome: 'ok' })).toBe(1);
      expect(sample(text, 'ow_rpc_server_duration_seconds_count', { subject: 'rpc.intake.case.accept', outcome: 'rejected' })).toBe(1);
      expect(sample(text, 'ow_rpc_server_duration_seconds_count', { subject: 'rpc.intake.case.accept', outcome: 'failed' })).toBe(1);
      expect(sample(text, 'ow_event_handle_duration_seconds_count', { type: 'intake.case.accepted.v1', outcome: 'handled' })).toBe(1);
      expect(sample(text, 'ow_event_handle_duration_seconds_count', { type: 'intake.case.accepted.v1', outcome: 'failed' })).toBe(1);
      expect(sample(text, 'ow_events_committed_total', { type: 'routing.warning.raised.v1' })).toBe(1);
      expect(sample(text, 'ow_warnings_raised_total', { level: 'RED', subject: 'CASE' })).toBe(1);
      // Bounded labels: never a case number.
      expect(text).not.toContain('C2026000001');
    });

    it('times HTTP answers by route template, "unmatched" when no route took them', () => {
      const answers: { route?: { path: string }; status: number }[] = [
        { route: { path: '/cases/:caseNo' }, status: 200 },
        { status: 404 },
      ];
      for (const a of answers) {
        let close: () => void = () => undefined;
        const req = { method: 'GET', baseUrl: '/api/v1', route: undefined as { path: string } | undefined };
        const res = { statusCode: a.status, writableFinished: true, once: (_: 'close', l: () => void) => (close = l) };
        let nexted = false;
        httpObserver(req, res, () => (nexted = true));
        expect(nexted).toBe(true);
        req.route = a.route;
        close();
      }
      return metricsText().then((text) => {
        expect(sample(text, 'ow_http_requests_total', { method: 'GET', route: '/api/v1/cases/:caseNo', status: '200' })).toBe(1);
        expect(sample(text, 'ow_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
        expect(sample(text, 'ow_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/cases/:caseNo' })).toBe(1);
      });
    });

    it('reads scrape-time gauges once per cache period, and serves the last reading when one fails', async () => {
      let reads = 0;
      let fail = false;
      const reading = cachedReading(
        'test_reading',
        async () => {
          reads++;
          if (fail) throw new Error('down');
          return [{ labels: { status: 'OPEN' }, value: reads }];
        },
        0,
      );
      const remove = scrapeGauge('ow_test_gauge', 'test', ['status'], reading);
      expect(sample(await metricsText(), 'ow_test_gauge', { status: 'OPEN' })).toBe(1);
      fail = true;
      expect(sample(await metricsText(), 'ow_test_gauge', { status: 'OPEN' })).toBe(1);
      // (counted during that scrape, shown from the next)
      expect(sample(await metricsText(), 'ow_scrape_errors_total', { reading: 'test_reading' })).toBeGreaterThanOrEqual(1);
      remove();
      expect(sample(await metricsText(), 'ow_test_gauge', { status: 'OPEN' })).toBeUndefined();
    });
  });

  describe('with tracing on (OTEL_TEST_EXPORTER=file:…)', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'spans-')), 'spans.jsonl');
    const spans = (): SpanLine[] =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));

    it('carries one trace from a call to the answering side and into the events it emits', async () => {
      await startTracing('intake', { traceFile: file, traceSampleRatio: 1 });
      expect(tracingEnabled()).toBe(true);
      const h = headers();
      const call = observeRpcCall('rpc.intake.case.accept', h);
      expect(h.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      const served = observeRpcServed('rpc.intake.case.accept', h);
      const emitted = await served.run(async () => {
        await new Promise((r) => setTimeout(r, 1));
        return currentTraceparent();
      });
      served.end();
      call.end('ok');
      await observeEvent('routing', 'routing__intake_case_accepted_v1', envelope('intake.case.accepted.v1', emitted), async () => undefined);
      await flushTracing();

      const [server, client, consumer] = spans();
      expect(new Set([server.traceId, client.traceId, consumer.traceId]).size).toBe(1);
      expect(client).toMatchObject({ kind: 'CLIENT', name: 'rpc.intake.case.accept', service: 'intake' });
      expect(client.parentSpanId).toBeUndefined();
      expect(server).toMatchObject({ kind: 'SERVER', parentSpanId: client.spanId, attributes: { outcome: 'ok' } });
      expect(consumer).toMatchObject({ kind: 'CONSUMER', name: 'intake.case.accepted.v1', parentSpanId: server.spanId, attributes: { 'case.no': 'C2026000001' } });
      expect(emitted).toBe(`00-${server.traceId}-${server.spanId}-01`);
    });
  });
});
