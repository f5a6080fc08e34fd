import { loadConfig } from './service-config.js';

describe('telemetry settings (OTEL_*)', () => {
  it('are off by default: no exporter, every new trace sampled once one is set', () => {
    expect(loadConfig('intake', {})).toMatchObject({ otlpEndpoint: undefined, traceFile: undefined, traceSampleRatio: 1 });
  });

  it('take an OTLP endpoint, a test file and a ratio, in every service', () => {
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TEST_EXPORTER: 'file:/tmp/spans.jsonl', OTEL_TRACES_SAMPLER_ARG: '0.25' };
    for (const service of ['gateway', 'intake', 'routing', 'approval', 'fees', 'delivery']) {
      expect(loadConfig(service, env)).toMatchObject({ otlpEndpoint: 'http://collector:4318', traceFile: '/tmp/spans.jsonl', traceSampleRatio: 0.25 });
    }
  });

  it.each([
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318', 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL, got "collector:4318"'],
    ['OTEL_TEST_EXPORTER', 'memory', 'OTEL_TEST_EXPORTER must be file:<path>, got "memory"'],
    ['OTEL_TRACES_SAMPLER_ARG', '2', 'OTEL_TRACES_SAMPLER_ARG must be a number 0-1, got "2"'],
  ])('stop the start on %s=%s', (name, value, problem) => {
    expect(() => loadConfig('routing', { [name]: value })).toThrow(`[routing] bad configuration: ${problem}`);
  });
});
