import { afterFailure, trackingTimeProblem } from './retry-rule.js';

describe('afterFailure (DELIVERY_MAX_ATTEMPTS)', () => {
  it('with the default of 2, the first failure sends the delivery out again and the second returns it to the window', () => {
    expect(afterFailure(0, 2)).toEqual({ attempt: 1, next: 'READY' });
    expect(afterFailure(1, 2)).toEqual({ attempt: 2, next: 'RETURNED_TO_WINDOW' });
  });

  it('with one attempt, the first failure returns it at once', () => {
    expect(afterFailure(0, 1)).toEqual({ attempt: 1, next: 'RETURNED_TO_WINDOW' });
  });

  it('counts every attempt up to a larger limit', () => {
    expect([0, 1, 2, 3, 4].map((n) => afterFailure(n, 5).next)).toEqual(['READY', 'READY', 'READY', 'READY', 'RETURNED_TO_WINDOW']);
  });

  it('never retries past the limit, even if the count somehow went over it', () => {
    expect(afterFailure(7, 2).next).toBe('RETURNED_TO_WINDOW');
  });
});

describe('trackingTimeProblem', () => {
  const now = new Date('2026-12-02T10:00:00Z');
  const dispatched = new Date('2026-12-01T10:00:00Z');
  it('takes a time between the dispatch and now', () => {
    expect(trackingTimeProblem(new Date('2026-12-02T09:00:00Z'), dispatched, now)).toBeUndefined();
    expect(trackingTimeProblem(new Date('2026-12-02T10:04:00Z'), dispatched, now)).toBeUndefined();
  });
  it('refuses a report from the future or from before the dispatch', () => {
    expect(trackingTimeProblem(new Date('2026-12-02T11:00:00Z'), dispatched, now)).toMatch(/future/);
    expect(trackingTimeProblem(new Date('2026-11-30T10:00:00Z'), dispatched, now)).toMatch(/before/);
  });
});
