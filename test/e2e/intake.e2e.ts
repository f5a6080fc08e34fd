import pg from 'pg';
import { freeBasePort } from '../support/free-ports.js';
import { foodBiz, lowIncome, ORG_ID, PERSON_ID, reTransfer, sealFiling } from '../support/intake-applications.js';
import { accept, decide } from '../support/flows.js';
import { Api, caseWhere, eventually, idempotencyKey } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

/** 前台综合受理 through all six services: tolerant, immediate, reported and withdrawn cases, end to end over HTTP. */
describe('integrated window intake, end to end', () => {
  let t: TestStack;
  let api: Api;

  beforeAll(async () => {
    t = await startTestStack({ basePort: await freeBasePort(), namespacePrefix: 'h3_e2e' });
    api = t.api;
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  async function timelineHas(caseNo: string, type: string) {
    return eventually(async () => {
      const r = await api.as('supervisor1', 'GET', `/cases/${caseNo}/timeline`);
      return r.body?.some?.((e: any) => e.type === type) ? r.body : undefined;
    }, `${type} on the timeline of ${caseNo}`);
  }

  async function pickUp(caseNo: string, idNumber: string) {
    const ready = await caseWhere(api, caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.deliveries.length > 0, 'READY_FOR_DELIVERY with its delivery');
    const pickupCode = await t.pickupCode(caseNo);
    const r = await api.as('clerk1', 'POST', `/deliveries/${ready.deliveries[0].deliveryId}/pickup`, { pickupCode, idNumber });
    expect(r.status).toBe(200);
    return caseWhere(api, caseNo, (x) => x.status === 'DELIVERED', 'DELIVERED');
  }

  it('容缺受理: a case approved with a material pending is held, then issued and delivered once it is supplemented', async () => {
    const c = await accept(api, foodBiz({ materials: [{ code: 'M01', provided: true }, { code: 'M02', provided: true }, { code: 'M04', provided: true }], tolerant: true }));
    expect(c.pendingMaterials).toEqual([{ code: 'M03', name: '与食品经营相适应的主要设备设施布局、操作流程等文件', reason: 'MISSING' }]);
    await decide(api, 'rep.samr', c.caseNo);

    // Approved and settled (no fee), and delivery has handled the settlement, but nothing is issued while M03 is pending.
    await timelineHas(c.caseNo, 'fees.case.settled.v1');
    await eventually(async () => {
      const db = new pg.Client({ connectionString: t.databaseUrl });
      await db.connect();
      try {
        return (await db.query(`SELECT 1 FROM delivery.case_profiles WHERE case_no = $1 AND settled_at IS NOT NULL`, [c.caseNo])).rowCount === 1;
      } finally {
        await db.end();
      }
    }, 'delivery to hold the settled case');
    const held = await caseWhere(api, c.caseNo, (x) => x.status === 'APPROVED', 'APPROVED, delivery answering');
    expect(held.status).toBe('APPROVED');
    expect(held.deliveries).toEqual([]);
    expect(held.pendingMaterials.map((m: any) => m.code)).toEqual(['M03']);

    const s = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/supplements`, { materials: [{ code: 'M03' }], note: '补交设备布局图' }, { 'Idempotency-Key': idempotencyKey() });
    expect(s.status).toBe(201);
    expect(s.body.pendingLeft).toEqual([]);
    const ready = await caseWhere(api, c.caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.deliveries.length > 0, 'READY_FOR_DELIVERY with its delivery');
    expect(ready.pendingMaterials).toEqual([]);
    expect(ready.deliveries[0].certificates.map((x: any) => x.name)).toEqual(['食品经营许可证']);
    const timeline = await timelineHas(c.caseNo, 'delivery.certificates.issued.v1');
    const types = timeline.map((e: any) => e.type);
    expect(types.indexOf('intake.case.supplemented.v1')).toBeLessThan(types.indexOf('delivery.certificates.issued.v1'));
    await pickUp(c.caseNo, PERSON_ID);
  });

  it('容缺受理 the other way round: supplemented before the fees are paid, issued as soon as they are', async () => {
    const c = await accept(api, reTransfer({ materials: ['M01', 'M02', 'M03', 'M04'].map((code) => ({ code, provided: true })), tolerant: true }));
    expect(c.pendingMaterials.map((m: any) => m.code)).toEqual(['M05']);
    const s = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/supplements`, { materials: [{ code: 'M05' }] });
    expect(s.body.pendingLeft).toEqual([]);
    await Promise.all(['rep.hud', 'rep.tax', 'rep.nrb'].map((rep) => decide(api, rep, c.caseNo)));
    const awaiting = await caseWhere(api, c.caseNo, (x) => x.status === 'AWAITING_PAYMENT' && x.paymentNotice, 'AWAITING_PAYMENT with its notice');
    const paid = await api.as('finance1', 'POST', `/payment-notices/${awaiting.paymentNotice.noticeNo}/payments`, { amountFen: 8000, channel: 'POS', reference: `POS-${c.caseNo}` });
    expect(paid.status).toBe(201);
    const ready = await caseWhere(api, c.caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.deliveries.length > 0, 'READY_FOR_DELIVERY with its delivery');
    expect(ready.deliveries[0]).toMatchObject({ method: 'COURIER', status: 'READY' });
  });

  it('即办件: SEAL-FILING decided at the window by rep.psb goes straight to READY_FOR_DELIVERY', async () => {
    const c = await accept(api, sealFiling({ decision: 'APPROVE', opinion: '材料齐全，准予备案' }), 'rep.psb');
    expect(c.decision).toBe('APPROVE');
    const ready = await caseWhere(api, c.caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.tasks.length > 0 && x.deliveries.length > 0, 'READY_FOR_DELIVERY with its task and delivery');
    expect(ready.tasks).toEqual([expect.objectContaining({ department: 'PSB', status: 'APPROVED', decidedBy: 'rep.psb', opinion: '材料齐全，准予备案' })]);
    expect(ready.immediateDecision).toMatchObject({ decision: 'APPROVE', decidedBy: 'rep.psb', department: 'PSB' });
    expect(ready.deliveries[0].certificates.map((x: any) => x.name)).toEqual(['印章备案回执']);
    const timeline = await timelineHas(c.caseNo, 'delivery.delivery.ready.v1');
    expect(timeline.find((e: any) => e.type === 'intake.case.accepted.v1').actor).toMatchObject({ id: 'rep.psb', role: 'CHIEF_REP' });
    expect(timeline.find((e: any) => e.type === 'approval.task.decided.v1').actor).toMatchObject({ id: 'rep.psb', department: 'PSB' });
    // Nobody else was asked: the PSB worklist never shows it open.
    const open = await api.as('rep.psb', 'GET', '/tasks?status=OPEN');
    expect(JSON.stringify(open.body)).not.toContain(c.caseNo);
  });

  it('上报件: LOW-INCOME accepted at a township center is decided by rep.civil and handed out at that center', async () => {
    const c = await accept(api, lowIncome());
    expect(c.decidingAuthority).toMatchObject({ level: 'county', department: 'CIVIL' });
    await decide(api, 'rep.civil', c.caseNo);
    const ready = await caseWhere(api, c.caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.tasks.length > 0 && x.deliveries.length > 0, 'READY_FOR_DELIVERY with its task and delivery');
    expect(ready).toMatchObject({ centerCode: '510704-T01', decidingAuthority: { department: 'CIVIL' } });
    expect(ready.tasks).toEqual([expect.objectContaining({ department: 'CIVIL', decidedBy: 'rep.civil' })]);
    expect(ready.deliveries[0]).toMatchObject({ method: 'WINDOW', pickupCenter: '510704-T01' });
    const receipt = await api.as('clerk1', 'GET', `/cases/${c.caseNo}/receipt`);
    expect(receipt.body).toContain('县级 民政局（CIVIL）');
    await pickUp(c.caseNo, PERSON_ID);
  });

  it('撤回: withdrawing a case in review cancels every open task and ends it WITHDRAWN', async () => {
    const c = await accept(api, reTransfer());
    await caseWhere(api, c.caseNo, (x) => x.tasks?.filter((task: any) => task.status === 'OPEN').length === 3, 'three open tasks');
    const w = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/withdraw`, { reason: '申请人主动撤回' }, { 'Idempotency-Key': idempotencyKey() });
    expect(w.status).toBe(200);
    const withdrawn = await caseWhere(api, c.caseNo, (x) => x.status === 'WITHDRAWN' && x.tasks.length > 0 && x.tasks.every((task: any) => task.status === 'CANCELLED'), 'WITHDRAWN with its tasks cancelled');
    expect(withdrawn.tasks).toHaveLength(3);
    expect(withdrawn.tasks[0].cancelReason).toContain('申请人主动撤回');
    const timeline = await eventually(async () => {
      const r = await api.as('supervisor1', 'GET', `/cases/${c.caseNo}/timeline`);
      return r.body.filter((e: any) => e.type === 'approval.task.cancelled.v1').length === 3 ? r.body : undefined;
    }, 'three cancellations on the timeline');
    expect(timeline.find((e: any) => e.type === 'intake.case.withdrawn.v1')).toMatchObject({ actor: { id: 'clerk1' }, data: { reason: '申请人主动撤回' } });
    const late = await api.as('rep.nrb', 'POST', `/tasks/${withdrawn.tasks.find((x: any) => x.department === 'NRB').taskId}/decision`, { decision: 'APPROVE', opinion: '同意' });
    expect(late.status).toBe(409);
  });

  it('replays a retried refusal or withdrawal with the same Idempotency-Key, and refuses the key for another body', async () => {
    const key = idempotencyKey();
    const body = { itemCode: 'SEAL-FILING', centerCode: '510704-C01', applicant: { type: 'ORG', name: '示范科技有限公司', idType: 'USCC', idNumber: ORG_ID }, reason: '申请人不具备申请资格' };
    const first = await api.as('clerk1', 'POST', '/refusals', body, { 'Idempotency-Key': key });
    const retry = await api.as('clerk1', 'POST', '/refusals', body, { 'Idempotency-Key': key });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body.refusalNo).toBe(first.body.refusalNo);
    expect((await api.as('clerk1', 'POST', '/refusals', { ...body, reason: '其他理由' }, { 'Idempotency-Key': key })).status).toBe(422);

    const c = await accept(api, reTransfer());
    const wKey = idempotencyKey();
    const w1 = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/withdraw`, { reason: '撤回' }, { 'Idempotency-Key': wKey });
    const w2 = await api.as('clerk1', 'POST', `/cases/${c.caseNo}/withdraw`, { reason: '撤回' }, { 'Idempotency-Key': wKey });
    expect([w1.status, w2.status]).toEqual([200, 200]);
    expect(w2.headers.get('idempotent-replayed')).toBe('true');
    expect(w2.body.withdrawnAt).toBe(w1.body.withdrawnAt);
  });
});
