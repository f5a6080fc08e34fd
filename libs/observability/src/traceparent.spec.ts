import { TraceFlags } from '@opentelemetry/api';
import { formatTraceparent, parseTraceparent } from './traceparent.js';

describe('traceparent (W3C Trace Context, version 00)', () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  const spanId = '00f067aa0ba902b7';

  it('writes and reads back a span context, sampled or not', () => {
    const sampled = formatTraceparent({ traceId, spanId, traceFlags: TraceFlags.SAMPLED });
    expect(sampled).toBe(`00-${traceId}-${spanId}-01`);
    expect(parseTraceparent(sampled)).toEqual({ traceId, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true });
    expect(parseTraceparent(formatTraceparent({ traceId, spanId, traceFlags: TraceFlags.NONE }))?.traceFlags).toBe(TraceFlags.NONE);
  });

  it.each([
    [undefined],
    [42],
    [''],
    [`01-${traceId}-${spanId}-01`],
    [`00-${traceId.toUpperCase()}-${spanId}-01`],
    [`00-${'0'.repeat(32)}-${spanId}-01`],
    [`00-${traceId}-${'0'.repeat(16)}-01`],
    [`00-${traceId}-${spanId}-01-extra`],
    [`00-${traceId}-${spanId}`],
  ])('turns away %p', (value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });
});
