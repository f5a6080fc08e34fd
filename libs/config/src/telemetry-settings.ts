/** Traces (OpenTelemetry), for every service; metrics need no setting (`GET /metrics` on the HTTP port). */
export interface TelemetrySettings {
  /**
   * OTEL_EXPORTER_OTLP_ENDPOINT: the OTLP/HTTP collector's base URL (`http://otel-collector:4318`); spans go to
   * `<endpoint>/v1/traces`. Unset (the default): no tracing SDK is started at all, and the hooks cost a boolean test.
   */
  otlpEndpoint?: string;
  /**
   * OTEL_TEST_EXPORTER=file:<path>: every finished span as one JSON line appended to <path>, synchronously (tests
   * read it; not for production). Works with or without an OTLP endpoint.
   */
  traceFile?: string;
  /**
   * OTEL_TRACES_SAMPLER_ARG: the share of new traces recorded (0-1, default 1). A trace started elsewhere (an event,
   * a request from another service) follows its parent's decision, so a case's trace is whole or absent.
   */
  traceSampleRatio: number;
}

export const TELEMETRY_DEFAULTS: TelemetrySettings = { otlpEndpoint: undefined, traceFile: undefined, traceSampleRatio: 1 };

export function readTelemetrySettings(env: NodeJS.ProcessEnv, problems: string[]): TelemetrySettings {
  const otlpEndpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || undefined;
  if (otlpEndpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(otlpEndpoint)) {
    problems.push(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "${otlpEndpoint}"`);
  }
  const testExporter = env.OTEL_TEST_EXPORTER?.trim() || undefined;
  let traceFile: string | undefined;
  if (testExporter !== undefined) {
    if (/^file:.+/.test(testExporter)) traceFile = testExporter.slice('file:'.length);
    else problems.push(`OTEL_TEST_EXPORTER must be file:<path>, got "${testExporter}"`);
  }
  const rawRatio = env.OTEL_TRACES_SAMPLER_ARG?.trim() || undefined;
  const traceSampleRatio = rawRatio === undefined ? TELEMETRY_DEFAULTS.traceSampleRatio : Number(rawRatio);
  if (!(traceSampleRatio >= 0 && traceSampleRatio <= 1)) problems.push(`OTEL_TRACES_SAMPLER_ARG must be a number 0-1, got "${rawRatio}"`);
  return { otlpEndpoint, traceFile, traceSampleRatio };
}
