import type { NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import type { ServiceConfig } from '#libs/config';
import { HealthService, verdictOf } from './health.js';
import { operationalEndpoints } from './operations.js';

const config = { service: 'routing' } as ServiceConfig;
const up = { query: async () => [{ '?column?': 1 }] } as unknown as DataSource;
const hangs = { query: () => new Promise(() => undefined) } as unknown as DataSource;
const natsUp = { flush: async () => undefined } as unknown as NatsConnection;
const natsDown = { flush: async () => Promise.reject(new Error('connection closed')) } as unknown as NatsConnection;

/** GET `path` through the operational endpoints: the status and JSON body answered, or 'next' when they passed it on. */
async function get(health: HealthService, path: string): Promise<{ status: number; body: any } | 'next'> {
  return new Promise((resolve) => {
    const res = { statusCode: 0, setHeader: () => undefined, end: (body: string) => resolve({ status: res.statusCode, body: JSON.parse(body) }) };
    operationalEndpoints(health)({ method: 'GET', path }, res, () => resolve('next'));
  });
}

describe('liveness and readiness', () => {
  it('the verdict is up only when every dependency is', () => {
    expect(verdictOf({ postgres: { status: 'up' }, nats: { status: 'up' } })).toBe('up');
    expect(verdictOf({ postgres: { status: 'up' }, nats: { status: 'down', error: 'x' } })).toBe('down');
    expect(verdictOf({ postgres: { status: 'down', error: 'x' }, nats: { status: 'up' } })).toBe('down');
  });

  it('is ready (200) when PostgreSQL and NATS answer', async () => {
    expect(await get(new HealthService(up, natsUp, config), '/health/ready')).toEqual({
      status: 200,
      body: { service: 'routing', status: 'up', dependencies: { postgres: expect.objectContaining({ status: 'up' }), nats: expect.objectContaining({ status: 'up' }) } },
    });
  });

  it('is not ready (503) when PostgreSQL does not answer within the timeout, naming it', async () => {
    const started = Date.now();
    const r = await get(new HealthService(hangs, natsUp, config), '/health/ready');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r).toEqual({
      status: 503,
      body: { service: 'routing', status: 'down', dependencies: { postgres: { status: 'down', error: 'timed out after 1000 ms' }, nats: expect.objectContaining({ status: 'up' }) } },
    });
  });

  it('is not ready (503) when NATS is down', async () => {
    const r = await get(new HealthService(up, natsDown, config), '/health/ready');
    expect(r).toMatchObject({ status: 503, body: { status: 'down', dependencies: { nats: { status: 'down', error: 'connection closed' } } } });
  });

  it('is live (200) whatever the dependencies say: nothing is checked', async () => {
    expect(await get(new HealthService(hangs, natsDown, config), '/health/live')).toEqual({ status: 200, body: { service: 'routing', status: 'up', uptimeSeconds: expect.any(Number) } });
  });

  it('leaves every other path to the app (/health included)', async () => {
    expect(await get(new HealthService(up, natsUp, config), '/health')).toBe('next');
    expect(await get(new HealthService(up, natsUp, config), '/api/v1/cases')).toBe('next');
  });
});
