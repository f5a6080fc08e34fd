import { formatCaseNo, isValidCaseNo } from './case-number.js';

describe('case numbers', () => {
  it('hold region, date, sequence and a check character', () => {
    const no = formatCaseNo('510704', '2026-11-23', 42);
    expect(no).toHaveLength(21);
    expect(no.startsWith('51070420261123000042')).toBe(true);
    expect(isValidCaseNo(no)).toBe(true);
  });

  it('catch a mistyped digit and swapped neighbours', () => {
    const no = formatCaseNo('510704', '2026-11-23', 42);
    const typo = no.slice(0, 19) + ((Number(no[19]) + 1) % 10) + no[20];
    const swapped = no.slice(0, 18) + no[19] + no[18] + no[20];
    expect(isValidCaseNo(typo)).toBe(false);
    expect(isValidCaseNo(swapped)).toBe(false);
  });

  it('refuse a sequence beyond one day\'s capacity', () => {
    expect(() => formatCaseNo('510704', '2026-11-23', 1_000_000)).toThrow(/out of range/);
  });
});
