import { TraceFlags, type SpanContext } from '@opentelemetry/api';

/**
 * W3C Trace Context `traceparent` (version 00): `00-<32 hex trace id>-<16 hex span id>-<2 hex flags>`. Written and
 * read here rather than through a propagator, so carrying it costs nothing when tracing is off and needs no SDK.
 */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

export const TRACEPARENT_HEADER = 'traceparent';

export function formatTraceparent(sc: SpanContext): string {
  return `00-${sc.traceId}-${sc.spanId}-${(sc.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED ? '01' : '00'}`;
}

/** The remote span context a well-formed traceparent names, or undefined (absent, malformed, all-zero ids). */
export function parseTraceparent(value: unknown): SpanContext | undefined {
  if (typeof value !== 'string' || value.length !== 55) return undefined;
  const m = TRACEPARENT.exec(value);
  if (!m || m[1] === ZERO_TRACE || m[2] === ZERO_SPAN) return undefined;
  return { traceId: m[1], spanId: m[2], traceFlags: parseInt(m[3], 16) & TraceFlags.SAMPLED, isRemote: true };
}
