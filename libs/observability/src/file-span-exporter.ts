import { appendFileSync } from 'node:fs';
import { SpanKind } from '@opentelemetry/api';
import { ExportResultCode, hrTimeToMilliseconds, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace';

/** One finished span as the file exporter writes it (one JSON object a line). */
export interface SpanLine {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: string;
  service: string;
  startMs: number;
  durationMs: number;
  status: 'UNSET' | 'OK' | 'ERROR';
  attributes: Record<string, unknown>;
}

const STATUS = ['UNSET', 'OK', 'ERROR'] as const;

/**
 * OTEL_TEST_EXPORTER=file:<path>: appends each span, synchronously, as one JSON line (lines from several processes
 * interleave whole: each is one append). For tests, which read the file; not for production.
 */
export class FileSpanExporter implements SpanExporter {
  constructor(private readonly file: string) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    try {
      const lines = spans.map((s) => `${JSON.stringify(toLine(s))}\n`).join('');
      appendFileSync(this.file, lines);
      done({ code: ExportResultCode.SUCCESS });
    } catch (e) {
      done({ code: ExportResultCode.FAILED, error: e as Error });
    }
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}
}

function toLine(s: ReadableSpan): SpanLine {
  const sc = s.spanContext();
  return {
    traceId: sc.traceId,
    spanId: sc.spanId,
    ...(s.parentSpanContext ? { parentSpanId: s.parentSpanContext.spanId } : {}),
    name: s.name,
    kind: SpanKind[s.kind],
    service: String(s.resource.attributes['service.name'] ?? ''),
    startMs: hrTimeToMilliseconds(s.startTime),
    durationMs: hrTimeToMilliseconds(s.duration),
    status: STATUS[s.status.code] ?? 'UNSET',
    attributes: { ...s.attributes },
  };
}
