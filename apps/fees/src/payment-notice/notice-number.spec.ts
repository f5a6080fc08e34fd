import { mod11_2 } from '#libs/checks';
import { hasValidCheckCharacter, paymentNoticeNo } from './notice-number.js';

describe('payment notice number', () => {
  it('is PN, the Shanghai date, six digits of sequence and a MOD 11-2 check character', () => {
    const no = paymentNoticeNo(new Date('2026-11-23T16:30:00Z'), 42); // 00:30 on the 24th in Shanghai
    expect(no).toMatch(/^PN20261124000042[\dX]$/);
    expect(no.at(-1)).toBe(mod11_2('20261124000042'));
    expect(hasValidCheckCharacter(no)).toBe(true);
  });

  it('widens past 999999 instead of wrapping', () => {
    expect(paymentNoticeNo(new Date('2026-11-24T02:00:00Z'), 1234567)).toMatch(/^PN202611241234567[\dX]$/);
  });

  it('catches any single mistyped digit and a swap of two neighbours', () => {
    const no = paymentNoticeNo(new Date('2026-12-02T02:00:00Z'), 918273);
    const digits = no.slice(2, -1);
    for (let i = 0; i < digits.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === digits[i]) continue;
        expect(hasValidCheckCharacter(`PN${digits.slice(0, i)}${d}${digits.slice(i + 1)}${no.at(-1)}`)).toBe(false);
      }
      if (i + 1 < digits.length && digits[i] !== digits[i + 1]) {
        const swapped = digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2);
        expect(hasValidCheckCharacter(`PN${swapped}${no.at(-1)}`)).toBe(false);
      }
    }
  });
});
