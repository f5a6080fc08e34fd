import type { AcceptCaseRequest, ServiceItem } from '#libs/contracts';
import { SAMPLE_CATALOG } from '../seed/sample-catalog.js';
import { checkApplication } from './acceptance-rules.js';

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
    expect(r.problems.map((p) => p.field).sort()).toEqual(['applicant.idNumber', 'applicant.phone', 'applicant.type', 'delivery.address']);
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
});
