import { maskPhone } from './mask-phone.js';

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });

  it('masks a landline the same way', () => {
    expect(maskPhone('0571-88886666')).toBe('057****6666');
  });

  it('never shows a short number whole', () => {
    expect(maskPhone('12345')).toBe('1***5');
    expect(maskPhone('12')).toBe('**');
  });
});
