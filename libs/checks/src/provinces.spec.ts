import { findProvince, isProvince, PROVINCES } from './provinces.js';

describe('provincial-level divisions', () => {
  it('lists the 34 divisions once each, with two-digit codes', () => {
    expect(PROVINCES).toHaveLength(34);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(34);
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(34);
    expect(PROVINCES.every((p) => /^\d{2}$/.test(p.code) && p.name.startsWith(p.short))).toBe(true);
  });

  it('finds a province by its full name, its short name or its code', () => {
    expect(findProvince('四川省')?.code).toBe('51');
    expect(findProvince(' 四川 ')?.name).toBe('四川省');
    expect(findProvince('65')?.name).toBe('新疆维吾尔自治区');
    expect(findProvince('内蒙古')?.name).toBe('内蒙古自治区');
  });

  it('knows nothing else', () => {
    for (const v of ['四川市', '火星省', '', '   ', '5', '99', 'Sichuan', null, 51, undefined]) expect(isProvince(v)).toBe(false);
  });
});
