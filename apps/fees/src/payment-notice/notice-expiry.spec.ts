import { isExpired, noticeExpiresAt } from './notice-expiry.js';

describe('notice expiry (Asia/Shanghai days)', () => {
  it('is payable through the end of the 15th day after the Shanghai day of issue', () => {
    // Issued 2026-12-02 10:00 in Shanghai: payable until 2026-12-17 23:59:59 Shanghai.
    const at = noticeExpiresAt(new Date('2026-12-02T02:00:00Z'), 15);
    expect(at.toISOString()).toBe('2026-12-17T16:00:00.000Z');
    expect(isExpired(at, new Date('2026-12-17T15:59:59.999Z'))).toBe(false);
    expect(isExpired(at, new Date('2026-12-17T16:00:00Z'))).toBe(true);
  });

  it('counts from the Shanghai day, not the UTC day: 23:30 UTC on the 1st is already the 2nd in Shanghai', () => {
    expect(noticeExpiresAt(new Date('2026-12-01T23:30:00Z'), 1).toISOString()).toBe('2026-12-03T16:00:00.000Z');
    // 15:59 UTC on the 1st is 23:59 on the 1st in Shanghai.
    expect(noticeExpiresAt(new Date('2026-12-01T15:59:00Z'), 1).toISOString()).toBe('2026-12-02T16:00:00.000Z');
  });

  it('crosses month and year ends by calendar days', () => {
    expect(noticeExpiresAt(new Date('2026-12-20T04:00:00Z'), 15).toISOString()).toBe('2027-01-04T16:00:00.000Z');
    expect(noticeExpiresAt(new Date('2028-02-20T04:00:00Z'), 10).toISOString()).toBe('2028-03-01T16:00:00.000Z');
  });

  it('a notice without an expiry never expires', () => {
    expect(isExpired(null, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });
});
