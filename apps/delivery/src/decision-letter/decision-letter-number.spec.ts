import { mod11_2 } from '#libs/checks';
import { decisionLetterNo, isDecisionLetterNo } from './decision-letter-number.js';

describe('decisionLetterNo', () => {
  it('is JD + the Shanghai date + six digits of the sequence + a MOD 11-2 check character', () => {
    // 2026-11-30 17:00 UTC is 2026-12-01 01:00 in Shanghai: the Shanghai day counts.
    const no = decisionLetterNo(new Date('2026-11-30T17:00:00Z'), 42);
    expect(no).toBe(`JD20261201000042${mod11_2('20261201000042')}`);
    expect(isDecisionLetterNo(no)).toBe(true);
  });

  it('widens past 999999 instead of wrapping', () => {
    expect(decisionLetterNo(new Date('2026-12-01T02:00:00Z'), 1234567)).toMatch(/^JD202612011234567[\dX]$/);
  });

  it('catches a mistyped digit', () => {
    const no = decisionLetterNo(new Date('2026-12-01T02:00:00Z'), 7);
    const typo = no.slice(0, 10) + ((Number(no[10]) + 1) % 10) + no.slice(11);
    expect(isDecisionLetterNo(typo)).toBe(false);
    expect(isDecisionLetterNo('PN20261201000007X')).toBe(false);
  });
});
