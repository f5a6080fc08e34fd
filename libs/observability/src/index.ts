export * from './metrics.js';
export * from './tracing.js';
export * from './traceparent.js';
export * from './instruments.js';
export type { SpanLine } from './file-span-exporter.js';
