import type { FeeRule, FormFieldSpec } from '#libs/contracts';
import { applicantCategoriesOf, assessFees, FeeRuleError, totalFen } from './fee-rules.js';

// As the sample catalog (apps/intake/src/seed/sample-catalog.ts) publishes them.
const RE_TRANSFER: FeeRule[] = [
  { code: 'REG-RES', name: '不动产登记费(住宅)', department: 'NRB', kind: 'FIXED', amountFen: 8000, when: { propertyType: 'RESIDENTIAL' }, exemptFor: ['SMALL_MICRO_ENTERPRISE'] },
  { code: 'REG-NONRES', name: '不动产登记费(非住宅)', department: 'NRB', kind: 'FIXED', amountFen: 55000, when: { propertyType: 'NON_RESIDENTIAL' }, exemptFor: ['SMALL_MICRO_ENTERPRISE'] },
  { code: 'CERT-COPY', name: '证书工本费(第二本起)', department: 'NRB', kind: 'PER_UNIT', unit: '本', unitPriceFen: 1000, quantityFrom: 'extraCertificates' },
];
const ROAD_EXCAVATION: FeeRule[] = [
  {
    code: 'ROAD-REPAIR',
    name: '城市道路挖掘修复费(sample local rates)',
    department: 'HUD',
    kind: 'PER_UNIT',
    unit: '平方米',
    quantityFrom: 'areaSquareMeters',
    unitPriceFenBy: { field: 'surface', rates: { ASPHALT: 28000, CONCRETE: 22000, SIDEWALK: 15000 } },
  },
];
const ID_CARD: FeeRule[] = [
  { code: 'ID-FEE', name: '居民身份证工本费(申领、换领)', department: 'PSB', kind: 'FIXED', amountFen: 2000, when: { variant: ['FIRST', 'RENEW'] } },
  { code: 'ID-FEE-LOST', name: '居民身份证工本费(丢失补领、损坏换领)', department: 'PSB', kind: 'FIXED', amountFen: 4000, when: { variant: ['LOST', 'DAMAGED'] } },
];

function assess(rules: FeeRule[], form: Record<string, unknown>) {
  return assessFees(rules, form, applicantCategoriesOf(form));
}

describe('assessFees with the sample catalog', () => {
  it('charges a residential transfer the registration fee plus each extra certificate', () => {
    const lines = assess(RE_TRANSFER, { propertyType: 'RESIDENTIAL', extraCertificates: 1 });
    expect(lines).toEqual([
      { code: 'REG-RES', name: '不动产登记费(住宅)', department: 'NRB', amountFen: 8000 },
      { code: 'CERT-COPY', name: '证书工本费(第二本起)', department: 'NRB', amountFen: 1000, quantity: 1 },
    ]);
    expect(totalFen(lines)).toBe(9000);
  });

  it('charges a non-residential transfer 55000 fen and no copy fee when no extra certificate is asked for', () => {
    const lines = assess(RE_TRANSFER, { propertyType: 'NON_RESIDENTIAL', extraCertificates: 0 });
    expect(lines.map((l) => l.code)).toEqual(['REG-NONRES']);
    expect(totalFen(lines)).toBe(55000);
  });

  it('exempts a small or micro enterprise from the registration fee but not from the copy fee', () => {
    const lines = assess(RE_TRANSFER, { propertyType: 'NON_RESIDENTIAL', applicantCategory: 'SMALL_MICRO_ENTERPRISE', extraCertificates: 2 });
    expect(lines).toEqual([{ code: 'CERT-COPY', name: '证书工本费(第二本起)', department: 'NRB', amountFen: 2000, quantity: 2 }]);
  });

  it('charges nothing to an exempt enterprise that wants no extra certificate', () => {
    expect(assess(RE_TRANSFER, { propertyType: 'RESIDENTIAL', applicantCategory: 'SMALL_MICRO_ENTERPRISE' })).toEqual([]);
  });

  it('prices road excavation by area and surface: 12 m² of asphalt is 336000 fen', () => {
    const lines = assess(ROAD_EXCAVATION, { areaSquareMeters: 12, surface: 'ASPHALT' });
    expect(lines).toEqual([{ code: 'ROAD-REPAIR', name: '城市道路挖掘修复费(sample local rates)', department: 'HUD', amountFen: 336000, quantity: 12 }]);
  });

  it('refuses a quantity typed as digits, as intake does (one rule for form numbers)', () => {
    expect(() => assess(ROAD_EXCAVATION, { areaSquareMeters: '3', surface: 'SIDEWALK' })).toThrow(/a number, not text/);
  });

  it('charges a lost ID card the replacement fee only', () => {
    const lines = assess(ID_CARD, { variant: 'LOST' });
    expect(lines.map((l) => [l.code, l.amountFen])).toEqual([['ID-FEE-LOST', 4000]]);
  });

  it('charges a first ID card 2000 fen', () => {
    expect(totalFen(assess(ID_CARD, { variant: 'FIRST' }))).toBe(2000);
  });

  it('answers no lines for an item without fee rules', () => {
    expect(assessFees([], { anything: 1 }, [])).toEqual([]);
  });

  it('charges nothing when the form does not say which variant applies', () => {
    expect(assess(ID_CARD, {})).toEqual([]);
  });
});

describe('assessFees refuses what it cannot price', () => {
  it('refuses a surface without a rate', () => {
    expect(() => assess(ROAD_EXCAVATION, { areaSquareMeters: 5, surface: 'GRAVEL' })).toThrow(FeeRuleError);
  });

  it.each([-1, 2.5, 'twelve', true, '', 1e308, 10 ** 13, 'NaN', 'Infinity', NaN, Infinity])('refuses the quantity %p', (q) => {
    expect(() => assess(ROAD_EXCAVATION, { areaSquareMeters: q, surface: 'ASPHALT' })).toThrow(/whole number/);
  });

  it('refuses a fixed rule whose amount is not whole fen', () => {
    expect(() => assessFees([{ code: 'X', name: 'x', department: 'D', kind: 'FIXED', amountFen: 10.5 }], {}, [])).toThrow(/whole fen/);
  });
});

describe('assessFees reads quantities by the rule intake accepted them by', () => {
  // The sample catalog's declarations (ROAD-EXCAVATION, RE-TRANSFER).
  const AREA: FormFieldSpec = { name: 'areaSquareMeters', type: 'integer', min: 1, max: 9999, required: true };
  const EXTRA: FormFieldSpec = { name: 'extraCertificates', type: 'integer', min: 0, max: 99 };
  const road = (areaSquareMeters: unknown, fields: FormFieldSpec[] = [AREA]) => assessFees(ROAD_EXCAVATION, { areaSquareMeters, surface: 'ASPHALT' }, [], fields);
  const copies = (extraCertificates: unknown, fields: FormFieldSpec[] = [EXTRA]) =>
    assessFees(RE_TRANSFER, { propertyType: 'RESIDENTIAL', extraCertificates }, [], fields);

  it('prices a good declared quantity', () => {
    expect(totalFen(road(12))).toBe(336000);
    expect(totalFen(copies(99))).toBe(8000 + 99000);
    expect(totalFen(copies(-0))).toBe(8000);
  });

  it.each([1e308, 10 ** 13, -1, 1.5, 100, '3', 'NaN'])('refuses the declared quantity %p (extraCertificates: integer 0..99)', (q) => {
    expect(() => copies(q)).toThrow(/extraCertificates must be a whole number from 0 to 99/);
  });

  it('uses the declared bounds, not the fallback, when the item declares the field', () => {
    const wide: FormFieldSpec = { ...AREA, max: 100_000 };
    expect(road(50_000, [wide])[0].amountFen).toBe(50_000 * 28000);
    expect(() => road(50_000)).toThrow(FeeRuleError);
    expect(() => road(0)).toThrow(/from 1 to 9999/);
  });

  it('reads an undeclared quantity as a whole number 0..9999, as intake checks it', () => {
    expect(totalFen(copies(9999, []))).toBe(8000 + 9999 * 1000);
    expect(() => copies(10_000, [])).toThrow(/whole number from 0 to 9999/);
    expect(() => copies(1e308, [])).toThrow(FeeRuleError);
    expect(totalFen(copies(undefined, []))).toBe(8000);
    expect(totalFen(copies(null, []))).toBe(8000);
  });

  it('refuses a declared quantity that could be negative rather than pricing it below zero', () => {
    expect(() => copies(-1, [{ ...EXTRA, min: -5 }])).toThrow(/whole number ≥ 0/);
  });
});
