import { overallStatus } from './overall-status.js';

const up = { status: 'up' as const };
const down = { status: 'down' as const, error: 'timed out' };

describe('the gateway health verdict', () => {
  it('is up only when everything is', () => {
    expect(overallStatus([up, up], [up, up, up])).toBe('up');
  });

  it('is degraded when only back-end services are down', () => {
    expect(overallStatus([up, up], [up, down])).toBe('degraded');
  });

  it('is down when its own database or NATS is down, whatever the services say', () => {
    expect(overallStatus([up, down], [up, up])).toBe('down');
  });
});
