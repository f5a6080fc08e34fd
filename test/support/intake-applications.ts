import { creditCodeCheckChar } from '#libs/checks';

/** Applications for the sample catalog's items, as the window would send them (POST /api/v1/cases). */

export const PERSON_ID = '11010519491231002X';
export const ORG_ID = (() => {
  const body = '91510704MA6CU1234';
  return body + creditCodeCheckChar(body);
})();

const person = (name = '李四') => ({ type: 'PERSON', name, idType: 'ID_CARD', idNumber: PERSON_ID, phone: '13812345678' });
const org = (name = '示范科技有限公司') => ({ type: 'ORG', name, idType: 'USCC', idNumber: ORG_ID, phone: '13812345678' });
const provided = (...codes: string[]) => codes.map((code) => ({ code, provided: true }));

/** FOOD-BIZ (SAMR, no fee): M01, M02 required; M03, M04 required but tolerable. */
export function foodBiz(overrides: Record<string, unknown> = {}) {
  return {
    itemCode: 'FOOD-BIZ',
    centerCode: '510704-C01',
    applicant: person(),
    materials: provided('M01', 'M02', 'M03', 'M04'),
    delivery: { method: 'WINDOW' },
    ...overrides,
  };
}

/** SEAL-FILING: an IMMEDIATE item of PSB, decided at the window by rep.psb. */
export function sealFiling(decideNow?: { decision: 'APPROVE' | 'REJECT'; opinion?: string }, overrides: Record<string, unknown> = {}) {
  return {
    itemCode: 'SEAL-FILING',
    centerCode: '510704-C01',
    applicant: org(),
    materials: provided('M01', 'M02'),
    delivery: { method: 'WINDOW' },
    ...(decideNow ? { decideNow } : {}),
    ...overrides,
  };
}

/** LOW-INCOME: a REPORTED item accepted at a township center and decided by the county's CIVIL department. */
export function lowIncome(overrides: Record<string, unknown> = {}) {
  return {
    itemCode: 'LOW-INCOME',
    centerCode: '510704-T01',
    applicant: person('王五'),
    materials: provided('M01', 'M02', 'M03', 'M04'),
    delivery: { method: 'WINDOW' },
    ...overrides,
  };
}

/** RE-TRANSFER (HUD + TAX + NRB in parallel, 8,000 fen + 1,000 per extra certificate). */
export function reTransfer(overrides: Record<string, unknown> = {}) {
  return {
    itemCode: 'RE-TRANSFER',
    centerCode: '510704-C01',
    applicant: person('张三'),
    materials: provided('M01', 'M02', 'M03', 'M04', 'M05'),
    form: { propertyType: 'RESIDENTIAL', extraCertificates: 0 },
    delivery: { method: 'COURIER', recipient: '张三', phone: '13900139000', address: '示范区人民路1号' },
    ...overrides,
  };
}
