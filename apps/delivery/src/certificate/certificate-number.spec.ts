import { mod11_2 } from '#libs/checks';
import { certificateNumber, hasValidCheckCharacter } from './certificate-number.js';

describe('certificateNumber', () => {
  it('is the department, the year, the result type, the sequence and a MOD 11-2 check character', () => {
    const no = certificateNumber('SAMR', 2026, 1, 42);
    expect(no).toBe(`SAMR-2026001000042${mod11_2('2026001000042')}`);
    expect(hasValidCheckCharacter(no)).toBe(true);
  });

  it('differs per result type for the same sequence', () => {
    expect(certificateNumber('SAMR', 2026, 1, 1)).not.toBe(certificateNumber('SAMR', 2026, 2, 1));
  });

  it('catches a mistyped digit or check character, and old numbers have none', () => {
    const no = certificateNumber('NRB', 2026, 7, 123456);
    const digits = no.slice(4, -1);
    const typo = `NRB-${digits.slice(0, 8)}${(Number(digits[8]) + 1) % 10}${digits.slice(9)}${no.at(-1)}`;
    expect(hasValidCheckCharacter(typo)).toBe(false);
    const wrongCheck = no.slice(0, -1) + (no.at(-1) === '0' ? '1' : '0');
    expect(hasValidCheckCharacter(wrongCheck)).toBe(false);
    expect(hasValidCheckCharacter('CERT-510704202611230001X-01')).toBe(false);
  });

  it('refuses a type or sequence out of range', () => {
    expect(() => certificateNumber('SAMR', 2026, 1000, 1)).toThrow();
    expect(() => certificateNumber('SAMR', 2026, 1, 1_000_000)).toThrow();
  });
});
