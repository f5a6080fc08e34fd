import { WAYBILL_NO } from '#libs/contracts';
import { isValidWaybillNo, newWaybillNo } from './waybill-number.js';

describe('center-assigned waybill numbers', () => {
  it('are OW, the Shanghai date, the sequence and a check character', () => {
    // 2026-12-01T17:00Z is already 2 December in Shanghai.
    const no = newWaybillNo(new Date('2026-12-01T17:00:00Z'), 42);
    expect(no).toMatch(/^OW2026120200000042[\dX]$/);
    expect(isValidWaybillNo(no)).toBe(true);
    expect(WAYBILL_NO.test(no)).toBe(true);
  });

  it('catch a mistyped digit', () => {
    const no = newWaybillNo(new Date('2026-12-02T02:00:00Z'), 7);
    const typo = no.slice(0, 12) + String((Number(no[12]) + 1) % 10) + no.slice(13);
    expect(isValidWaybillNo(typo)).toBe(false);
  });

  it('widen past eight digits instead of wrapping', () => {
    expect(isValidWaybillNo(newWaybillNo(new Date('2026-12-02T02:00:00Z'), 123456789))).toBe(true);
  });
});
