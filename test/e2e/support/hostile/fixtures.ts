import { randomUUID } from 'node:crypto';
import { foodBiz, ORG_ID, PERSON_ID, reTransfer, sealFiling } from '../../../support/intake-applications.js';
import { caseWhere, eventually, type Api } from '../api.js';

/**
 * Real things for the hostile requests to aim at, made before the row counts are taken: a case under review with
 * open tasks, a case with an unpaid payment notice, window and courier deliveries READY, a joint site survey with
 * findings pending, a one-time notice, a refusal and a delegation. Bad requests against real ids reach the services'
 * own checks (state, department, amount), not only "not found".
 */
export interface Fixtures {
  /** RE-TRANSFER under review: HUD, TAX and NRB tasks OPEN. */
  reviewCase: { caseNo: string; tasks: Record<'HUD' | 'TAX' | 'NRB', string> };
  /** RE-TRANSFER approved: its payment notice UNPAID for `totalFen`. */
  paymentNotice: { caseNo: string; noticeNo: string; totalFen: number };
  /** SEAL-FILING decided at the window: a WINDOW delivery READY for pickup with this code. */
  windowDelivery: { caseNo: string; deliveryId: string; pickupCode: string; idNumber: string };
  /** The certificate issued for the window delivery's case (印章备案回执). */
  certificateNo: string;
  /** SEAL-FILING by courier: a COURIER delivery READY for dispatch. */
  courierDelivery: { caseNo: string; deliveryId: string };
  /** OUTFALL under review with its joint site survey scheduled by EEB, every department's findings pending. */
  surveyCase: { caseNo: string; surveyId: string; tasks: Record<'EEB' | 'WRB' | 'NRB', string> };
  /** A one-time notice (FOOD-BIZ without M03) and a refusal. */
  oneTimeNoticeNo: string;
  refusalNo: string;
  /** backup.nrb stands in for rep.nrb (made by admin). */
  delegationId: string;
  /** PUBLIC-HYGIENE as the catalog has it now (the OpenAPI example item). */
  catalogItem: { code: string; version: number; definition: Record<string, unknown> };
  /** The ID number of the review case's applicant (for the public lookup). */
  personId: string;
  orgId: string;
}

const key = () => ({ 'Idempotency-Key': randomUUID() });

async function ok(api: Api, user: string, method: string, path: string, body?: unknown, status = [200, 201]): Promise<any> {
  const r = await api.as(user, method, path, body, key());
  if (!status.includes(r.status)) throw new Error(`fixture ${method} ${path} as ${user}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export const REFUSAL_BODY = {
  itemCode: 'RE-TRANSFER',
  centerCode: '510704-C01',
  applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: PERSON_ID },
  reason: '申请登记的不动产不在本辖区，不属于本机关职权范围',
};

/** A delegation period around now (from today 00:00 to five days on), as the API takes it. */
export function delegationBody() {
  const day = 86_400_000;
  const from = new Date(Math.floor(Date.now() / day) * day);
  return { backupUser: 'backup.nrb', from: from.toISOString(), to: new Date(from.getTime() + 5 * day).toISOString(), reason: '首席代表年休假' };
}

export const OUTFALL_APPLICATION = {
  itemCode: 'OUTFALL',
  centerCode: '510704-C01',
  applicant: { type: 'ORG', name: '示范水务有限公司', idType: 'USCC', idNumber: ORG_ID, phone: '13812345678' },
  materials: ['M01', 'M02', 'M03'].map((code) => ({ code, provided: true })),
  delivery: { method: 'WINDOW' },
};

export const courierSealFiling = () =>
  sealFiling({ decision: 'APPROVE', opinion: '准予备案' }, { delivery: { method: 'COURIER', recipient: '李四', phone: '13900139000', address: '示范区人民路2号' } });

/** `pickupCode`: the code of a case's result-ready notification (TestStack.pickupCode); the public page no longer shows it. */
export async function makeFixtures(api: Api, pickupCode: (caseNo: string) => Promise<string>): Promise<Fixtures> {
  const [review, pay, window, courier, outfall] = await Promise.all([
    ok(api, 'clerk1', 'POST', '/cases', reTransfer()),
    ok(api, 'clerk1', 'POST', '/cases', reTransfer()),
    ok(api, 'rep.psb', 'POST', '/cases', sealFiling({ decision: 'APPROVE', opinion: '准予备案' })),
    ok(api, 'rep.psb', 'POST', '/cases', courierSealFiling()),
    ok(api, 'clerk1', 'POST', '/cases', OUTFALL_APPLICATION),
  ]);
  const notice = await api.as('clerk1', 'POST', '/cases', foodBiz({ materials: ['M01', 'M02', 'M04'].map((code) => ({ code, provided: true })) }), key());
  if (notice.status !== 422 || !notice.body?.notice?.noticeNo) throw new Error(`fixture one-time notice: ${notice.status} ${JSON.stringify(notice.body)}`);
  const refusal = await ok(api, 'clerk1', 'POST', '/refusals', REFUSAL_BODY);
  const delegation = await ok(api, 'admin', 'POST', '/departments/NRB/delegations', delegationBody());

  const tasksOf = async (caseNo: string, departments: string[]) => {
    const view = await caseWhere(api, caseNo, (v) => departments.every((d) => v.tasks?.some((t: any) => t.department === d && t.status === 'OPEN')), 'its tasks OPEN');
    return Object.fromEntries(departments.map((d) => [d, view.tasks.find((t: any) => t.department === d).taskId]));
  };
  const [reviewTasks, payTasks, surveyTasks] = await Promise.all([
    tasksOf(review.caseNo, ['HUD', 'TAX', 'NRB']),
    tasksOf(pay.caseNo, ['HUD', 'TAX', 'NRB']),
    tasksOf(outfall.caseNo, ['EEB', 'WRB', 'NRB']),
  ]);
  await Promise.all(
    (['HUD', 'TAX', 'NRB'] as const).map((d) => ok(api, `rep.${d.toLowerCase()}`, 'POST', `/tasks/${payTasks[d]}/decision`, { decision: 'APPROVE', opinion: '同意' })),
  );
  const survey = await ok(api, 'rep.eeb', 'POST', `/cases/${outfall.caseNo}/site-surveys`, {
    at: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    place: '涪江左岸 K12+300 拟设排污口处',
    departments: ['EEB', 'WRB', 'NRB'],
  });
  const payNotice = await eventually(async () => {
    const r = await api.as('finance1', 'GET', `/cases/${pay.caseNo}/payment-notice`);
    return r.status === 200 && r.body.status === 'UNPAID' ? r.body : undefined;
  }, 'the payment notice of the approved case');
  const deliveryOf = async (caseNo: string) =>
    (await caseWhere(api, caseNo, (v) => v.status === 'READY_FOR_DELIVERY' && v.deliveries?.[0]?.status === 'READY', 'its delivery READY')).deliveries[0].deliveryId as string;
  const [windowId, courierId] = await Promise.all([deliveryOf(window.caseNo), deliveryOf(courier.caseNo)]);
  const windowPickupCode = await pickupCode(window.caseNo);
  const windowCertificateNo = (await caseWhere(api, window.caseNo, (v) => !!v.deliveries?.[0]?.certificates?.length, 'its certificate')).deliveries[0].certificates[0]
    .certificateNo as string;
  const item = await ok(api, 'admin', 'GET', '/catalog/items/PUBLIC-HYGIENE');
  const { version, ...definition } = item;

  return {
    reviewCase: { caseNo: review.caseNo, tasks: reviewTasks as Fixtures['reviewCase']['tasks'] },
    paymentNotice: { caseNo: pay.caseNo, noticeNo: payNotice.noticeNo, totalFen: payNotice.totalFen },
    windowDelivery: { caseNo: window.caseNo, deliveryId: windowId, pickupCode: windowPickupCode, idNumber: ORG_ID },
    certificateNo: windowCertificateNo,
    courierDelivery: { caseNo: courier.caseNo, deliveryId: courierId },
    surveyCase: { caseNo: outfall.caseNo, surveyId: survey.surveyId, tasks: surveyTasks as Fixtures['surveyCase']['tasks'] },
    oneTimeNoticeNo: notice.body.notice.noticeNo,
    refusalNo: refusal.refusalNo,
    delegationId: delegation.delegationId,
    catalogItem: { code: 'PUBLIC-HYGIENE', version, definition },
    personId: PERSON_ID,
    orgId: ORG_ID,
  };
}
