import { performance } from 'node:perf_hooks';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { MsgHdrs } from '@nats-io/transport-node';
import { Counter, Histogram } from 'prom-client';
import type { EventEnvelope } from '#libs/contracts';
import { LATENCY_BUCKETS, metric, metricsRegistry } from './metrics.js';
import { activeTracer } from './tracing.js';
import { formatTraceparent, parseTraceparent, TRACEPARENT_HEADER } from './traceparent.js';

/**
 * The hot-path hooks: what NatsServer, RpcClient, the unit of work and the gateway's HTTP layer call per request,
 * event or commit. Four histograms in all (HTTP, RPC served, RPC called, event handled), every label a bounded set.
 * With tracing off each hook is a clock read, one histogram observation and a test of `activeTracer()`.
 */

const histogram = (name: string, help: string, labelNames: string[]) =>
  metric(name, () => new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [metricsRegistry] }));
const counter = (name: string, help: string, labelNames: string[]) => metric(name, () => new Counter({ name, help, labelNames, registers: [metricsRegistry] }));

const httpDuration = histogram('ow_http_request_duration_seconds', 'Gateway HTTP requests: time to the last byte, by route template', ['method', 'route']);
const httpRequests = counter('ow_http_requests_total', 'Gateway HTTP requests answered, by route template and status code', ['method', 'route', 'status']);
const rpcServed = histogram('ow_rpc_server_duration_seconds', 'NATS requests answered by this service, by subject and outcome (ok, rejected: an AppError below 500, failed)', ['subject', 'outcome']);
const rpcCalled = histogram(
  'ow_rpc_client_duration_seconds',
  'NATS requests made by this service, by subject and outcome (ok, rejected, failed, unavailable: no answer in time)',
  ['subject', 'outcome'],
);
const eventHandled = histogram(
  'ow_event_handle_duration_seconds',
  'Event handler runs after the inbox claim (one per delivery tried; an event the inbox already had is not run), by event type and outcome (handled, failed: retried or parked)',
  ['type', 'outcome'],
);
const eventsCommitted = counter('ow_events_committed_total', 'Events committed to this service\'s outbox, by type', ['type']);
const warningsRaised = counter('ow_warnings_raised_total', 'Clock warnings raised (routing.warning.raised.v1), by level and subject', ['level', 'subject']);

const WARNING_RAISED = 'routing.warning.raised.v1';

export type RpcOutcome = 'ok' | 'rejected' | 'failed' | 'unavailable';

/** An error's outcome: an AppError-like value below 500 is a refusal the caller is meant to see; anything else failed. */
export function outcomeOf(e: unknown): 'rejected' | 'failed' {
  const status = (e as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status < 500 ? 'rejected' : 'failed';
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

function endSpan(span: Span | undefined, error?: unknown, outcome?: string): void {
  if (!span) return;
  if (outcome) span.setAttribute('outcome', outcome);
  if (error !== undefined && outcome !== 'rejected') {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message ?? String(error) });
  }
  span.end();
}

/** A context whose parent is the remote span a traceparent names, or the root when there is none. */
function remoteParent(traceparent: unknown): Context {
  const sc = parseTraceparent(traceparent);
  return sc ? trace.setSpanContext(ROOT_CONTEXT, sc) : ROOT_CONTEXT;
}

// ---- RPC, served side (NatsServer.answer) ----

/** One NATS request being answered: `run` the handler in its span, then `end` it once, with the error if it threw. */
export class RpcServed {
  private readonly started = performance.now();
  private readonly span?: Span;
  private readonly ctx?: Context;

  constructor(
    private readonly subject: string,
    headers: MsgHdrs | undefined,
  ) {
    const tracer = activeTracer();
    if (!tracer) return;
    const parent = remoteParent(headers?.get(TRACEPARENT_HEADER));
    this.span = tracer.startSpan(subject, { kind: SpanKind.SERVER, attributes: { 'rpc.system': 'nats', 'rpc.method': subject } }, parent);
    this.ctx = trace.setSpan(parent, this.span);
  }

  run<T>(work: () => T): T {
    return this.ctx ? context.with(this.ctx, work) : work();
  }

  end(error?: unknown): void {
    try {
      const outcome = error === undefined ? 'ok' : outcomeOf(error);
      rpcServed.observe({ subject: this.subject, outcome }, seconds(this.started));
      endSpan(this.span, error, outcome);
    } catch {
      /* an instrument never fails a reply */
    }
  }
}

export function observeRpcServed(subject: string, headers: MsgHdrs | undefined): RpcServed {
  return new RpcServed(subject, headers);
}

// ---- RPC, calling side (RpcClient.request) ----

/** One NATS request made: puts the traceparent of its span in the headers; `end` with the outcome. */
export class RpcCall {
  private readonly started = performance.now();
  private readonly span?: Span;

  constructor(
    private readonly subject: string,
    headers: MsgHdrs,
  ) {
    const tracer = activeTracer();
    if (!tracer) return;
    this.span = tracer.startSpan(subject, { kind: SpanKind.CLIENT, attributes: { 'rpc.system': 'nats', 'rpc.method': subject } }, context.active());
    headers.set(TRACEPARENT_HEADER, formatTraceparent(this.span.spanContext()));
  }

  end(outcome: RpcOutcome, error?: unknown): void {
    try {
      rpcCalled.observe({ subject: this.subject, outcome }, seconds(this.started));
      endSpan(this.span, outcome === 'ok' ? undefined : (error ?? outcome), outcome);
    } catch {
      /* an instrument never fails a call */
    }
  }
}

export function observeRpcCall(subject: string, headers: MsgHdrs): RpcCall {
  return new RpcCall(subject, headers);
}

// ---- events, consuming side (NatsServer) ----

/**
 * Runs one event's handler (inside the consumer's transaction, after the inbox claim) in a consumer span whose
 * parent is the span that emitted the event (its envelope's traceparent), so what the handler emits or asks
 * continues the trace; and times it. Rethrows whatever `work` throws.
 */
export async function observeEvent<T>(service: string, consumer: string, event: EventEnvelope, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const tracer = activeTracer();
  let span: Span | undefined;
  let ctx: Context | undefined;
  if (tracer) {
    const parent = remoteParent(event.traceparent);
    span = tracer.startSpan(
      event.type,
      {
        kind: SpanKind.CONSUMER,
        attributes: { 'messaging.system': 'nats', 'messaging.destination.name': event.type, 'messaging.consumer.group.name': consumer, 'messaging.message.id': event.id, 'case.no': event.caseNo, service },
      },
      parent,
    );
    ctx = trace.setSpan(parent, span);
  }
  let result: T;
  try {
    result = ctx ? await context.with(ctx, work) : await work();
  } catch (e) {
    record(event.type, 'failed', started, span, e);
    throw e;
  }
  record(event.type, 'handled', started, span);
  return result;
}

function record(type: string, outcome: string, started: number, span?: Span, error?: unknown): void {
  try {
    eventHandled.observe({ type, outcome }, seconds(started));
    endSpan(span, error, outcome);
  } catch {
    /* never fails the handling */
  }
}

// ---- events, producing side (the unit of work, after its commit) ----

/** Counts committed events by type, and clock warnings by level (they are routing's warning events). */
export function countCommitted(events: readonly EventEnvelope[]): void {
  try {
    for (const e of events) {
      eventsCommitted.inc({ type: e.type });
      if (e.type === WARNING_RAISED) {
        const d = e.data as { level?: string; subject?: string };
        warningsRaised.inc({ level: String(d.level), subject: String(d.subject) });
      }
    }
  } catch {
    /* never fails a commit that happened */
  }
}

// ---- HTTP (the gateway) ----

interface HttpRequest {
  method: string;
  baseUrl?: string;
  route?: { path?: unknown };
}
interface HttpResponse {
  statusCode: number;
  writableFinished: boolean;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * Express middleware timing every answer by its route template (`/api/v1/cases/:caseNo`, known once routed;
 * `unmatched` for what no route took: a 404, or a refusal before routing), and when tracing is on, the root span
 * of the request: everything the request sets off (its NATS requests, the events they commit, their consumers in
 * other services) joins its trace. A caller's own traceparent is not trusted: the gateway starts the trace.
 */
export function httpObserver(req: HttpRequest, res: HttpResponse, next: () => void): void {
  const started = performance.now();
  const tracer = activeTracer();
  let span: Span | undefined;
  res.once('close', () => {
    try {
      const routePath = req.route?.path;
      const route = typeof routePath === 'string' ? `${req.baseUrl ?? ''}${routePath}` : 'unmatched';
      const status = res.writableFinished ? res.statusCode : 499;
      httpDuration.observe({ method: req.method, route }, seconds(started));
      httpRequests.inc({ method: req.method, route, status: String(status) });
      if (span) {
        span.updateName(`${req.method} ${route}`);
        span.setAttributes({ 'http.request.method': req.method, 'http.route': route, 'http.response.status_code': status });
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    } catch {
      /* never fails an answer */
    }
  });
  if (!tracer) return next();
  span = tracer.startSpan(req.method, { kind: SpanKind.SERVER }, ROOT_CONTEXT);
  context.with(trace.setSpan(ROOT_CONTEXT, span), next);
}
