import { idHash, sameSecret } from './id-hash.js';

describe('idHash', () => {
  it('is the sha256 hex of caseNo:ID with the check character upper-cased', () => {
    expect(idHash('C1', '11010519491231002x')).toBe(idHash('C1', ' 11010519491231002X '));
    expect(idHash('C1', '11010519491231002X')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs between cases for the same person', () => {
    expect(idHash('C1', '11010519491231002X')).not.toBe(idHash('C2', '11010519491231002X'));
  });
});

describe('sameSecret', () => {
  it('matches equal strings only', () => {
    expect(sameSecret('123456', '123456')).toBe(true);
    expect(sameSecret('123456', '123457')).toBe(false);
    expect(sameSecret('123456', '1234567')).toBe(false);
  });
});
