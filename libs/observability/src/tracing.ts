import { context, trace, type Tracer } from '@opentelemetry/api';
import type { TelemetrySettings } from '#libs/config';
import { formatTraceparent } from './traceparent.js';

/** What flushes and stops the SDK; set only while tracing runs. */
interface Provider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

let tracer: Tracer | undefined;
let provider: Provider | undefined;
let starting: Promise<void> | undefined;

/**
 * The tracer, or undefined when tracing is off (no exporter configured). Every hook tests this first and does
 * nothing else when it is off: no span, no context, no header.
 */
export function activeTracer(): Tracer | undefined {
  return tracer;
}

export function tracingEnabled(): boolean {
  return tracer !== undefined;
}

/**
 * Starts the OpenTelemetry SDK for this process when an exporter is configured (OTEL_EXPORTER_OTLP_ENDPOINT: OTLP
 * over HTTP, batched; OTEL_TEST_EXPORTER=file:<path>: JSON lines, each span as it ends); otherwise does nothing and
 * loads nothing. Once per process: a second call (another app in the same test process) keeps the first setup.
 * The SDK is imported only here, on demand, so a process without tracing never loads it.
 */
export function startTracing(service: string, settings: TelemetrySettings): Promise<void> {
  if (!settings.otlpEndpoint && !settings.traceFile) return Promise.resolve();
  return (starting ??= start(service, settings));
}

async function start(service: string, settings: TelemetrySettings): Promise<void> {
  // One after the other: Jest's ESM loader trips over concurrent imports that share modules.
  const sdk = await import('@opentelemetry/sdk-trace');
  const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  const spanProcessors: import('@opentelemetry/sdk-trace').SpanProcessor[] = [];
  if (settings.otlpEndpoint) {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    const exporter = new OTLPTraceExporter({ url: `${settings.otlpEndpoint.replace(/\/+$/, '')}/v1/traces` });
    spanProcessors.push(new sdk.BatchSpanProcessor({ exporter: exporter as never }));
  }
  if (settings.traceFile) {
    const { FileSpanExporter } = await import('./file-span-exporter.js');
    spanProcessors.push(new sdk.SimpleSpanProcessor({ exporter: new FileSpanExporter(settings.traceFile) }));
  }
  const tracerProvider = new sdk.TracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'one-window' }),
    // A root (a gateway request, a timer's work) is sampled at the ratio; everything under it follows its parent.
    sampler: new sdk.ParentBasedSampler({ root: new sdk.TraceIdRatioBasedSampler(settings.traceSampleRatio) }),
    spanProcessors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(tracerProvider);
  provider = tracerProvider;
  tracer = tracerProvider.getTracer('one-window');
}

/** Sends what is buffered (app shutdown); the SDK keeps running for any other app of the process. */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush().catch(() => undefined);
}

/** The active span's traceparent, for an event about to be written; undefined when tracing is off or no span is active. */
export function currentTraceparent(): string | undefined {
  if (!tracer) return undefined;
  const span = trace.getSpan(context.active());
  return span ? formatTraceparent(span.spanContext()) : undefined;
}
