import { paymentNoticeNo } from './notice-number.js';

describe('paymentNoticeNo', () => {
  it('uses the Shanghai date, which is already the next day at 16:30 UTC', () => {
    expect(paymentNoticeNo(new Date('2026-11-23T16:30:00Z'), 42)).toBe('PN20261124000042');
  });

  it('widens rather than truncates a sequence past six digits', () => {
    expect(paymentNoticeNo(new Date('2026-01-05T02:00:00Z'), '1234567')).toBe('PN202601051234567');
  });
});
