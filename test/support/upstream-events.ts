import type { CaseAcceptedData } from '#libs/contracts';
import { PERSON_ID } from './intake-applications.js';

/**
 * intake.case.accepted.v1 of a RE-TRANSFER case as intake publishes it (the sample catalog's version 1: three
 * departments in one stage, registration fee + a fee per extra certificate, one certificate), for tests that drive a
 * downstream service on its own.
 */
export function reTransferAccepted(overrides: Partial<CaseAcceptedData> = {}): CaseAcceptedData {
  const acceptedAt = new Date();
  const days = (n: number) => new Date(acceptedAt.getTime() + n * 86_400_000).toISOString();
  return {
    itemCode: 'RE-TRANSFER',
    itemVersion: 1,
    itemName: '不动产转移登记(存量房买卖)',
    caseType: 'JOINT',
    centerCode: '510704-C01',
    applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: PERSON_ID, phone: '13800138000' },
    form: { propertyType: 'RESIDENTIAL', extraCertificates: 1 },
    delivery: { method: 'COURIER', recipient: '张三', phone: '13900139000', address: '示范区人民路1号' },
    reviewPlan: [{ stage: 1, departments: ['HUD', 'TAX', 'NRB'], lead: 'NRB' }],
    fees: [
      { code: 'REG-RES', name: '不动产登记费(住宅)', department: 'NRB', kind: 'FIXED', amountFen: 8000, when: { propertyType: 'RESIDENTIAL' }, exemptFor: ['SMALL_MICRO_ENTERPRISE'] },
      { code: 'REG-NONRES', name: '不动产登记费(非住宅)', department: 'NRB', kind: 'FIXED', amountFen: 55000, when: { propertyType: 'NON_RESIDENTIAL' }, exemptFor: ['SMALL_MICRO_ENTERPRISE'] },
      { code: 'CERT-COPY', name: '证书工本费(第二本起)', department: 'NRB', kind: 'PER_UNIT', unit: '本', unitPriceFen: 1000, quantityFrom: 'extraCertificates' },
    ],
    formFields: [
      { name: 'propertyType', type: 'enum', values: ['RESIDENTIAL', 'NON_RESIDENTIAL'], required: true },
      { name: 'extraCertificates', type: 'integer', min: 0, max: 99 },
    ],
    results: [{ department: 'NRB', name: '不动产权证书' }],
    legalDays: 30,
    promisedDays: 5,
    acceptedAt: acceptedAt.toISOString(),
    promisedDeadline: days(7),
    legalDeadline: days(42),
    ...overrides,
  };
}

let lastSeq = Math.floor(Math.random() * 900_000);

/** A case number of the right shape, new for each call (the services downstream of intake check no check character). */
export function testCaseNo(): string {
  return `51070420261123${String(++lastSeq).padStart(6, '0')}X`;
}
