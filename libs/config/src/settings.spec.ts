import { loadConfig } from './index.js';

describe('settings read once by loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig('routing', {});
    expect(c).toMatchObject({
      bindHost: '127.0.0.1',
      migrateOnly: false,
      dbPoolSize: 10,
      logFormat: 'text',
      streamReplicas: 1,
      streamMaxAgeDays: 30,
      outboxRetentionDays: 7,
      outboxSweepMs: 5000,
      warningSweepMs: 30_000,
    });
    expect(loadConfig('gateway', {})).toMatchObject({ rateLimitPerMinute: 20, casePartTimeoutMs: 3000, maxBodyBytes: 262_144, trustProxy: undefined });
    expect(loadConfig('intake', {}).intakeTolerantDays).toBe(5);
  });

  it('takes what is set', () => {
    const env = {
      BIND_HOST: '0.0.0.0',
      MIGRATE_ONLY: 'true',
      DB_POOL_SIZE: '4',
      LOG_FORMAT: 'json',
      STREAM_REPLICAS: '3',
      STREAM_MAX_AGE_DAYS: '0',
      OUTBOX_RETENTION_DAYS: '2',
      WARNING_SWEEP_MS: '0',
      INTAKE_TOLERANT_DAYS: '10',
      TRUST_PROXY: '1',
    };
    expect(loadConfig('routing', env)).toMatchObject({
      bindHost: '0.0.0.0',
      migrateOnly: true,
      dbPoolSize: 4,
      logFormat: 'json',
      streamReplicas: 3,
      streamMaxAgeDays: 0,
      outboxRetentionDays: 2,
      warningSweepMs: 0,
    });
    expect(loadConfig('intake', env).intakeTolerantDays).toBe(10);
    expect(loadConfig('gateway', env).trustProxy).toBe(1);
  });

  it.each([
    ['routing', 'DB_POOL_SIZE', '0', 'DB_POOL_SIZE must be a whole number of connections ≥ 1, got "0"'],
    ['routing', 'LOG_FORMAT', 'jsn', 'LOG_FORMAT must be text or json, got "jsn"'],
    ['routing', 'STREAM_REPLICAS', '7', 'STREAM_REPLICAS must be a whole number of replicas 1-5, got "7"'],
    ['routing', 'STREAM_MAX_AGE_DAYS', '1.5', 'STREAM_MAX_AGE_DAYS must be a whole number of days ≥ 0, got "1.5"'],
    ['routing', 'OUTBOX_RETENTION_DAYS', '-1', 'OUTBOX_RETENTION_DAYS must be a whole number of days ≥ 0, got "-1"'],
    ['routing', 'WARNING_SWEEP_MS', 'soon', 'WARNING_SWEEP_MS must be a whole number of milliseconds, got "soon"'],
    ['intake', 'INTAKE_TOLERANT_DAYS', '61', 'INTAKE_TOLERANT_DAYS must be a whole number of working days 0-60, got "61"'],
    ['gateway', 'RATE_LIMIT_PER_MINUTE', '0', 'RATE_LIMIT_PER_MINUTE must be a positive integer, got "0"'],
    ['gateway', 'CASE_PART_TIMEOUT_MS', 'x', 'CASE_PART_TIMEOUT_MS must be a positive integer (milliseconds), got "x"'],
    ['gateway', 'MAX_BODY_BYTES', '100', 'MAX_BODY_BYTES must be a whole number of bytes ≥ 1024, got "100"'],
  ])('%s stops at start on %s=%s, in one line', (service, name, value, problem) => {
    expect(() => loadConfig(service, { [name]: value })).toThrow(`[${service}] bad configuration: ${problem}`);
  });

  it("reads a service's own knobs only in that service", () => {
    expect(loadConfig('intake', { WARNING_SWEEP_MS: 'soon', RATE_LIMIT_PER_MINUTE: '0' }).warningSweepMs).toBe(30_000);
    expect(loadConfig('routing', { INTAKE_TOLERANT_DAYS: '99' }).intakeTolerantDays).toBe(5);
  });
});
