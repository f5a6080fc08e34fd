import { creditCodeCheckChar, creditCodeProblem, idCardProblem, isMainlandMobile, isValidCreditCode, isValidIdCard, maskIdNumber, maskPhone, mod11_2 } from './index.js';

describe('GB 11643 resident ID numbers', () => {
  it('accepts the standard\'s own examples', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true);
    expect(isValidIdCard('440524188001010014')).toBe(true);
    expect(isValidIdCard('11010519491231002x')).toBe(true);
  });
  it('rejects a wrong check digit and says why', () => {
    expect(idCardProblem('110105194912310021')).toMatch(/check digit/);
  });
  it('rejects impossible birth dates and wrong lengths', () => {
    expect(idCardProblem('110105194902300020')).toMatch(/birth date/);
    expect(idCardProblem('11010519491231002')).toMatch(/18 characters/);
  });
  it('computes MOD 11-2 as ISO 7064 defines it', () => {
    expect(mod11_2('11010519491231002')).toBe('X');
    expect(mod11_2('44052418800101001')).toBe('4');
  });
});

describe('GB 32100 unified social credit codes', () => {
  it('accepts the standard\'s example code', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });
  it('computes the check character', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
  it('rejects a wrong check character and forbidden letters', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/check character/);
    expect(creditCodeProblem('91350100M000100I43')).toMatch(/18 characters/);
  });
});

describe('phones and masking', () => {
  it('knows mainland mobile numbers', () => {
    expect(isMainlandMobile('13800138000')).toBe(true);
    expect(isMainlandMobile('+8613800138000')).toBe(true);
    expect(isMainlandMobile('12800138000')).toBe(false);
    expect(isMainlandMobile('1380013800')).toBe(false);
  });
  it('masks the middle of ID numbers and phones', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});
