import { isDocumentNo, oneTimeNoticeNo, refusalNo } from './document-number.js';

describe('one-time notice and refusal numbers', () => {
  const at = new Date('2026-11-23T16:30:00Z'); // 2026-11-24 00:30 in Shanghai

  it('are a prefix, the Shanghai date and a six-digit sequence', () => {
    expect(oneTimeNoticeNo(at, 42)).toBe('GZ20261124000042');
    expect(refusalNo(new Date('2026-11-23T01:00:00Z'), '7')).toBe('BY20261123000007');
  });

  it('widen past 999999 instead of wrapping', () => {
    expect(oneTimeNoticeNo(at, 1_234_567)).toBe('GZ202611241234567');
    expect(isDocumentNo('GZ', 'GZ202611241234567')).toBe(true);
  });

  it('are told apart by their prefix and rejected when malformed', () => {
    expect(isDocumentNo('GZ', oneTimeNoticeNo(at, 1))).toBe(true);
    expect(isDocumentNo('BY', oneTimeNoticeNo(at, 1))).toBe(false);
    expect(isDocumentNo('GZ', 'GZ2026112400001')).toBe(false);
    expect(() => oneTimeNoticeNo(at, 0)).toThrow();
  });

  it('are unique for distinct sequence values on the same day', () => {
    const numbers = new Set(Array.from({ length: 1000 }, (_, i) => oneTimeNoticeNo(at, i + 1)));
    expect(numbers.size).toBe(1000);
  });
});
