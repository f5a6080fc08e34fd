import { periodBound } from './audit-record.js';
import { routeTemplate } from './audit-trail.js';

describe('the audit record of requests', () => {
  it('names a request by its route template, without the API prefix', () => {
    expect(routeTemplate('/api/v1/tasks/:taskId/decision')).toBe('/tasks/{taskId}/decision');
    expect(routeTemplate('/api/v1/cases')).toBe('/cases');
  });

  it('reads a period bound as an instant: a date is a whole Shanghai day, a time without offset is Shanghai time', () => {
    expect(periodBound('2026-12-02', 'from')).toBe('2026-12-01T16:00:00.000Z');
    expect(periodBound('2026-12-02', 'to')).toBe('2026-12-02T15:59:59.999Z');
    expect(periodBound('2026-12-02T10:00:00', 'from')).toBe('2026-12-02T02:00:00.000Z');
    expect(periodBound('2026-12-02T10:00:00Z', 'to')).toBe('2026-12-02T10:00:00.000Z');
    expect(periodBound(undefined, 'to')).toBeUndefined();
    expect(periodBound('0001-01-01', 'from')).toBe('0001-01-02T00:00:00.000Z');
    expect(periodBound('9999-12-31T23:59:59-12:00', 'to')).toBe('9999-12-30T00:00:00.000Z');
  });
});
