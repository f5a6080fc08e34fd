import type { AcceptCaseRequest, ServiceItem } from '#libs/contracts';
import { SAMPLE_CATALOG } from '../seed/sample-catalog.js';
import { checkApplication, deliveryAddressProblems } from './acceptance-rules.js';

const item = (code: string) => SAMPLE_CATALOG.items.find((i) => i.code === code) as unknown as ServiceItem;

function reTransfer(overrides: Partial<AcceptCaseRequest> = {}): AcceptCaseRequest {
  return {
    itemCode: 'RE-TRANSFER',
    centerCode: '510704-C01',
    applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: '11010519491231002X', phone: '13800138000' },
    materials: ['M01', 'M02', 'M03', 'M04', 'M05'].map((code) => ({ code, provided: true })),
    form: { propertyType: 'RESIDENTIAL', extraCertificates: 1 },
    delivery: { method: 'COURIER', address: '示范区人民路1号' },
    ...overrides,
  };
}

describe('checking an application at the window', () => {
  it('finds nothing wrong with a complete RE-TRANSFER application', () => {
    expect(checkApplication(item('RE-TRANSFER'), reTransfer())).toEqual({ problems: [], missing: [] });
  });

  it('lists every problem at once', () => {
    const r = checkApplication(
      item('ENT-START'),
      reTransfer({
        itemCode: 'ENT-START',
        applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: '110105194912310021', phone: '123' },
        delivery: { method: 'COURIER' },
      }),
    );
    expect(r.problems.map((p) => p.field).sort()).toEqual(['applicant.idNumber', 'applicant.phone', 'applicant.type', 'delivery.postalAddress']);
  });

  it('lists every required material that is missing, and only required ones', () => {
    const r = checkApplication(item('RE-TRANSFER'), reTransfer({ materials: [{ code: 'M01', provided: true }, { code: 'M03', provided: false }] }));
    expect(r.missing.map((m) => m.code)).toEqual(['M02', 'M03', 'M04', 'M05']);
  });

  it('requires the form fields fee rules price by', () => {
    const r = checkApplication(item('RE-TRANSFER'), reTransfer({ form: { propertyType: 'CASTLE', extraCertificates: -1 } }));
    expect(r.problems.map((p) => p.field).sort()).toEqual(['form.extraCertificates', 'form.propertyType']);
  });

  it('checks unified social credit codes for organisations', () => {
    const r = checkApplication(
      item('ENT-START'),
      reTransfer({ applicant: { type: 'ORG', name: '示范公司', idType: 'USCC', idNumber: '91350100M000100Y44', phone: '13800138000' } }),
    );
    expect(r.problems).toEqual([expect.objectContaining({ field: 'applicant.idNumber', rule: 'gb32100' })]);
  });

  describe('form values: the catalog’s declared fields, the same rule fees prices by', () => {
    const formProblems = (code: string, form: Record<string, unknown>, base?: ServiceItem) =>
      checkApplication(base ?? item(code), reTransfer({ itemCode: code, form })).problems.filter((p) => p.field.startsWith('form.')).map((p) => `${p.field} ${p.rule}`);
    /** RE-TRANSFER as published before forms were declared: its quantity falls back to 0..9999. */
    const undeclared = { ...item('RE-TRANSFER'), formFields: undefined } as ServiceItem;

    it.each([1e308, 10 ** 13, -1, 1.5, 100])('refuses extraCertificates %p (declared integer 0..99)', (n) => {
      expect(formProblems('RE-TRANSFER', { propertyType: 'RESIDENTIAL', extraCertificates: n })).toEqual(['form.extraCertificates integerRange']);
    });

    it.each(['1', 'NaN', '1e308', 'Infinity', '', true])('refuses extraCertificates %p as the wrong type', (v) => {
      expect(formProblems('RE-TRANSFER', { propertyType: 'RESIDENTIAL', extraCertificates: v })).toEqual(['form.extraCertificates type']);
    });

    it('accepts good values, and an absent optional quantity', () => {
      for (const extraCertificates of [0, 1, 99, undefined]) {
        expect(formProblems('RE-TRANSFER', { propertyType: 'NON_RESIDENTIAL', extraCertificates })).toEqual([]);
      }
      expect(formProblems('ROAD-EXCAVATION', { areaSquareMeters: 9999, surface: 'CONCRETE' })).toEqual([]);
      expect(formProblems('ID-CARD', { variant: 'LOST' })).toEqual([]);
    });

    it('checks an undeclared quantity as a whole number 0..9999 (fees reads it so too)', () => {
      expect(formProblems('RE-TRANSFER', { propertyType: 'RESIDENTIAL', extraCertificates: 9999 }, undeclared)).toEqual([]);
      for (const n of [1e308, 10 ** 13, 10_000, -1, 1.5]) {
        expect([n, formProblems('RE-TRANSFER', { propertyType: 'RESIDENTIAL', extraCertificates: n }, undeclared)]).toEqual([n, ['form.extraCertificates integerRange']]);
      }
      expect(formProblems('RE-TRANSFER', { propertyType: 'RESIDENTIAL', extraCertificates: 'NaN' }, undeclared)).toEqual(['form.extraCertificates type']);
    });

    it('lists every bad field once, declared rules and fee-rule rules together', () => {
      expect(formProblems('ROAD-EXCAVATION', { areaSquareMeters: 1e308, surface: 'GRAVEL' })).toEqual(['form.areaSquareMeters integerRange', 'form.surface oneOf']);
      expect(formProblems('ROAD-EXCAVATION', {})).toEqual(['form.areaSquareMeters required', 'form.surface required']);
      expect(formProblems('RE-TRANSFER', { extraCertificates: 0 })).toEqual(['form.propertyType required']);
      expect(formProblems('ID-CARD', { variant: 'STOLEN' })).toEqual(['form.variant oneOf']);
    });

    it('refuses a rate key that is only an inherited property', () => {
      expect(formProblems('ROAD-EXCAVATION', { areaSquareMeters: 3, surface: 'constructor' }, { ...item('ROAD-EXCAVATION'), formFields: undefined } as ServiceItem)).toEqual([
        'form.surface oneOf',
      ]);
    });
  });
});

describe('courier addresses at acceptance (邮寄送达)', () => {
  const postalAddress = { province: '四川省', city: '绵阳市', district: '游仙区', detail: '示范路 1 号' };
  const rules = (delivery: AcceptCaseRequest['delivery']) => deliveryAddressProblems(delivery).map((p) => `${p.field}:${p.rule}`);

  it('takes a structured address with the recipient mobile, the province full or short', () => {
    expect(rules({ method: 'COURIER', phone: '13800138000', postalAddress })).toEqual([]);
    expect(rules({ method: 'COURIER', phone: '13800138000', postalAddress: { ...postalAddress, province: '四川' } })).toEqual([]);
  });

  it('still takes the deprecated free-text address alone', () => {
    expect(rules({ method: 'COURIER', address: '示范区人民路1号' })).toEqual([]);
  });

  it('refuses an unknown province, blank levels and a missing mobile, all at once', () => {
    expect(rules({ method: 'COURIER', postalAddress: { province: '火星省', city: ' ', district: '', detail: '1 号' } })).toEqual([
      'delivery.postalAddress.province:isProvince',
      'delivery.postalAddress.city:matches',
      'delivery.postalAddress.district:matches',
      'delivery.postalAddress.district:isNotEmpty',
      'delivery.phone:requiredForCourier',
    ]);
  });

  it('wants an address for a courier delivery, one only, and none for the window', () => {
    expect(rules({ method: 'COURIER' })).toEqual(['delivery.postalAddress:requiredForCourier']);
    expect(rules({ method: 'COURIER', phone: '13800138000', postalAddress, address: 'x' })).toEqual(['delivery.address:oneAddress']);
    expect(rules({ method: 'WINDOW', postalAddress })).toEqual(['delivery.postalAddress:onlyForCourier']);
  });

  it('finds the unknown province in a whole application', () => {
    const r = checkApplication(item('RE-TRANSFER'), reTransfer({ delivery: { method: 'COURIER', phone: '13800138000', postalAddress: { ...postalAddress, province: 'Atlantis' } } }));
    expect(r.problems).toEqual([expect.objectContaining({ field: 'delivery.postalAddress.province', rule: 'isProvince' })]);
  });
});
