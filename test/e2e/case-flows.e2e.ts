import { accept, decide, openTask } from '../support/flows.js';
import { Api, caseWhere, entStartApplication, eventually, idempotencyKey, ORG_ID, PERSON_ID, reTransferApplication, searchWhere } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

const SHANGHAI_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

describe('whole cases through all six services over HTTP', () => {
  let t: TestStack;
  let api: Api;
  /** Every case accepted in this file: the search must have found them all before its pages are compared. */
  const acceptedHere: string[] = [];

  beforeAll(async () => {
    t = await startTestStack();
    api = t.api;
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  /** Accepted (support/flows.ts) with its time in Asia/Shanghai, and remembered for the search. */
  async function acceptHere(application: object): Promise<string> {
    const c = await accept(api, application);
    expect(c.acceptedAt).toMatch(SHANGHAI_SECOND);
    acceptedHere.push(c.caseNo);
    return c.caseNo;
  }

  /** The case in `status`, every service answering, and whatever else the test asserts on (`and`) there too. */
  async function caseInStatus(caseNo: string, status: string, and: (c: any) => unknown = () => true, what = '') {
    return caseWhere(api, caseNo, (c) => c.status === status && and(c), `${status}${what ? ` with ${what}` : ''}`);
  }

  it('ENT-START: SAMR first, then PSB + TAX + HRSS in parallel, no fee, picked up at the window', async () => {
    const caseNo = await acceptHere(entStartApplication());
    await decide(api, 'rep.samr', caseNo, 'APPROVE');
    // Stage 2 opens for three departments at once, and only after stage 1 approved.
    const stage2 = await Promise.all(['rep.psb', 'rep.tax', 'rep.hrss'].map((rep) => openTask(api, rep, caseNo)));
    expect(stage2.map((s) => s.stage)).toEqual([2, 2, 2]);
    await Promise.all(['rep.psb', 'rep.tax', 'rep.hrss'].map((rep) => decide(api, rep, caseNo, 'APPROVE')));

    const ready = await caseInStatus(caseNo, 'READY_FOR_DELIVERY', (c) => c.deliveries.length > 0, 'its delivery');
    expect(ready.paymentNotice ?? null).toBeNull();
    expect(ready.deliveries[0].certificates.map((c: { name: string }) => c.name)).toHaveLength(4);
    expect(ready.applicant.idNumber).not.toBe(ORG_ID);

    // The pickup code reaches the applicant only in the result-ready notification, not on the public page.
    const pickupCode = await t.pickupCode(caseNo);
    const pub = await api.as(null, 'GET', `/public/cases/${caseNo}?idTail=${ORG_ID.slice(-6)}`);
    expect(pub.status).toBe(200);
    expect(pub.body.currentStep).toMatch(/^待领取/);
    expect(JSON.stringify(pub.body)).not.toContain(pickupCode);
    const deliveryId = ready.deliveries[0].deliveryId;
    const wrong = await api.as('clerk1', 'POST', `/deliveries/${deliveryId}/pickup`, { pickupCode, idNumber: PERSON_ID });
    expect(wrong.status).toBe(422);
    // Five wrong tries lock the pickup, even for the right code, until a supervisor who verified the applicant unlocks it.
    for (let i = 0; i < 4; i++) await api.as('clerk1', 'POST', `/deliveries/${deliveryId}/pickup`, { pickupCode, idNumber: PERSON_ID });
    const locked = await api.as('clerk1', 'POST', `/deliveries/${deliveryId}/pickup`, { pickupCode, idNumber: ORG_ID });
    expect([locked.status, locked.body.code]).toEqual([423, 'DELIVERY.PICKUP_LOCKED']);
    expect((await api.as('clerk1', 'POST', `/deliveries/${deliveryId}/unlock-pickup`, { reason: '已核验身份证原件' })).status).toBe(403);
    const unlocked = await api.as('supervisor1', 'POST', `/deliveries/${deliveryId}/unlock-pickup`, { reason: '已核验身份证原件' });
    expect(unlocked.status).toBe(200);
    expect((await api.as('supervisor1', 'POST', `/deliveries/${deliveryId}/unlock-pickup`, { reason: 'again' })).status).toBe(409);
    const ok = await api.as('clerk1', 'POST', `/deliveries/${deliveryId}/pickup`, { pickupCode, idNumber: ORG_ID });
    expect([200, 201]).toContain(ok.status);
    await caseInStatus(caseNo, 'DELIVERED');

    const timeline = await eventually(async () => {
      const r = await api.as('supervisor1', 'GET', `/cases/${caseNo}/timeline`);
      return r.body.some((e: { type: string }) => e.type === 'delivery.delivery.delivered.v1') ? r.body : undefined;
    }, 'the delivery in the timeline');
    const types = timeline.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('intake.case.accepted.v1');
    expect(types.filter((x: string) => x === 'approval.task.decided.v1')).toHaveLength(4);
    expect(types).toEqual(
      expect.arrayContaining(['routing.stage.opened.v1', 'routing.case.approved.v1', 'fees.case.settled.v1', 'delivery.certificates.issued.v1', 'delivery.pickup.unlocked.v1']),
    );
    expect(timeline.find((e: { type: string }) => e.type === 'delivery.pickup.unlocked.v1').actor.id).toBe('supervisor1');
    for (const e of timeline) {
      expect(e.at).toMatch(SHANGHAI_SECOND);
      expect(e.actor.id).toBeTruthy();
    }
    expect(timeline.find((e: { type: string }) => e.type === 'intake.case.accepted.v1').actor.id).toBe('clerk1');
    expect(JSON.stringify(timeline)).not.toContain(ORG_ID);
  });

  it('RE-TRANSFER: HUD + TAX + NRB in parallel, one payment notice of 8,000 + 1,000 fen, courier delivery', async () => {
    const caseNo = await acceptHere(reTransferApplication());
    await Promise.all(['rep.hud', 'rep.tax', 'rep.nrb'].map((rep) => decide(api, rep, caseNo, 'APPROVE')));
    await caseInStatus(caseNo, 'AWAITING_PAYMENT', (c) => c.paymentNotice, 'its payment notice');

    const notice = (await api.as('clerk1', 'GET', `/cases/${caseNo}/payment-notice`)).body;
    expect(notice.items.map((i: { amountFen: number }) => i.amountFen).sort()).toEqual([1000, 8000]);
    expect(notice.totalFen).toBe(9000);
    const unpaid = await api.as('finance1', 'GET', '/payment-notices?status=UNPAID');
    expect(unpaid.body.items.map((n: { noticeNo: string }) => n.noticeNo)).toContain(notice.noticeNo);

    expect((await api.as('clerk1', 'POST', `/payment-notices/${notice.noticeNo}/payments`, { amountFen: 9000, channel: 'POS', reference: 'x' })).status).toBe(403);
    const short = await api.as('finance1', 'POST', `/payment-notices/${notice.noticeNo}/payments`, { amountFen: 8000, channel: 'POS', reference: `POS-${caseNo}-a` });
    expect(short.status).toBe(422);
    const paid = await api.as('finance1', 'POST', `/payment-notices/${notice.noticeNo}/payments`, { amountFen: 9000, channel: 'POS', reference: `POS-${caseNo}` });
    expect([200, 201]).toContain(paid.status);

    const ready = await caseInStatus(caseNo, 'READY_FOR_DELIVERY', (c) => c.deliveries.length > 0, 'its delivery');
    const delivery = ready.deliveries[0];
    expect(delivery.method).toBe('COURIER');
    const courierList = await api.as('courier1', 'GET', '/deliveries?status=READY');
    expect(courierList.body.items.map((d: { deliveryId: string }) => d.deliveryId)).toContain(delivery.deliveryId);
    const dispatched = await api.as('courier1', 'POST', `/deliveries/${delivery.deliveryId}/dispatch`, { carrier: 'EMS', waybillNo: `EMS${caseNo.slice(-10)}` });
    expect([200, 201]).toContain(dispatched.status);
    await caseInStatus(caseNo, 'DELIVERING');
    const delivered = await api.as('courier1', 'POST', `/deliveries/${delivery.deliveryId}/delivered`, { signedBy: '张三' });
    expect([200, 201]).toContain(delivered.status);
    await caseInStatus(caseNo, 'DELIVERED');
  });

  it('a rejection ends the case REJECTED, keeps the opinion and cancels the other open tasks of the stage', async () => {
    const caseNo = await acceptHere(reTransferApplication());
    await openTask(api, 'rep.hud', caseNo);
    await openTask(api, 'rep.nrb', caseNo);
    await decide(api, 'rep.tax', caseNo, 'REJECT', '完税凭证与合同价格不符');
    const rejected = await caseInStatus(
      caseNo,
      'REJECTED',
      (c) => ['TAX', 'HUD'].every((d) => c.tasks.some((task: { department: string }) => task.department === d)),
      'the TAX and HUD tasks',
    );
    const byDept = Object.fromEntries(rejected.tasks.map((task: { department: string }) => [task.department, task]));
    expect(byDept.TAX.opinion).toBe('完税凭证与合同价格不符');
    await caseWhere(
      api,
      caseNo,
      (c) => c.tasks.filter((task: { status: string }) => task.status === 'CANCELLED').length === 2,
      'HUD and NRB tasks to be cancelled',
    );
    const hudOpen = await api.as('rep.hud', 'GET', '/tasks?status=OPEN');
    expect(hudOpen.body.items.some((task: { caseNo: string }) => task.caseNo === caseNo)).toBe(false);
    const late = await api.as('rep.hud', 'POST', `/tasks/${byDept.HUD.taskId}/decision`, { decision: 'APPROVE', opinion: '同意' });
    expect(late.status).toBe(409);
  });

  it('answers wrong roles, other departments, unknown ids and bad bodies with 4xx, writing nothing', async () => {
    const caseNo = await acceptHere(reTransferApplication());
    const task = await openTask(api, 'rep.nrb', caseNo);
    expect((await api.as('clerk1', 'POST', `/tasks/${task.taskId}/decision`, { decision: 'APPROVE', opinion: 'x' })).status).toBe(403);
    expect([403, 404]).toContain((await api.as('rep.samr', 'POST', `/tasks/${task.taskId}/decision`, { decision: 'APPROVE', opinion: 'x' })).status);
    expect((await api.as('clerk1', 'GET', '/cases/510704202601010000011')).status).toBe(404);
    expect((await api.as(null, 'GET', `/cases/${caseNo}`)).status).toBe(401);

    const bad = await api.as('clerk1', 'POST', '/cases', { itemCode: 'RE-TRANSFER', applicant: { type: 'ALIEN' }, extra: 1 });
    expect(bad.status).toBe(400);
    const fields = bad.body.problems.map((p: { field: string }) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['centerCode', 'applicant.type', 'applicant.name', 'materials', 'delivery', 'extra']));

    const missing = await api.as('clerk1', 'POST', '/cases', { ...reTransferApplication(), materials: [{ code: 'M01', provided: true }] });
    expect(missing.status).toBe(422);
    expect(missing.body.notice.missing.map((m: { code: string }) => m.code)).toEqual(['M02', 'M03', 'M04', 'M05']);
  });

  it('returns the first answer to a retried POST with the same Idempotency-Key and creates no second case', async () => {
    const key = idempotencyKey();
    const first = await api.as('clerk1', 'POST', '/cases', reTransferApplication(), { 'Idempotency-Key': key });
    const retry = await api.as('clerk1', 'POST', '/cases', reTransferApplication(), { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.caseNo).toBe(first.body.caseNo);
    acceptedHere.push(first.body.caseNo);
    const other = await api.as('clerk1', 'POST', '/cases', { ...reTransferApplication(), centerCode: '510704-T01' }, { 'Idempotency-Key': key });
    expect(other.status).toBe(422);
  });

  it('loses and doubles nothing when the approval service is SIGKILLed with stage tasks open', async () => {
    const before = await acceptHere(reTransferApplication());
    await openTask(api, 'rep.hud', before);
    await t.stack.kill('approval', 'SIGKILL');
    // While approval is down, a case is accepted and routed: its stage-opened event waits in JetStream.
    const during = await acceptHere(reTransferApplication());
    await eventually(async () => {
      const r = await api.as('supervisor1', 'GET', `/cases/${during}/timeline`);
      return r.body?.some?.((e: { type: string }) => e.type === 'routing.stage.opened.v1');
    }, 'routing to open the stage while approval is down');
    // As patient as the first start of the stack (90 s): on a loaded 2-core host a restart took over the 30 s default.
    await t.stack.startService('approval', 90_000);

    for (const caseNo of [before, during]) {
      await Promise.all(['rep.hud', 'rep.tax', 'rep.nrb'].map((rep) => decide(api, rep, caseNo, 'APPROVE')));
      const c = await caseInStatus(caseNo, 'AWAITING_PAYMENT', (x) => x.tasks.length >= 3, 'its three tasks');
      expect(c.tasks).toHaveLength(3);
    }
  }, 180_000);

  it('finds cases by status and acceptance day, newest first, a page at a time', async () => {
    // The two cases delivered above (ENT-START, RE-TRANSFER); the search follows the workflows, so it is waited for.
    const delivered = await searchWhere(api, 'status=DELIVERED', (items) => items.length >= 2, 'both delivered cases');
    expect(delivered.status).toBe(200);
    expect(delivered.body.items.length).toBeGreaterThanOrEqual(2);
    expect(delivered.body.items.every((c: { status: string }) => c.status === 'DELIVERED')).toBe(true);

    // The search reads routing's workflows, which follow intake's events: paging is compared once it has them all.
    await searchWhere(api, 'limit=200', (items) => acceptedHere.every((no) => items.some((c) => c.caseNo === no)), `all ${acceptedHere.length} cases accepted here`, 'clerk1');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { caseNo: string; acceptedAt: string }[]; nextCursor: string | null } } = await api.as(
        'clerk1',
        'GET',
        `/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c) => c.caseNo));
      cursor = page.body.nextCursor;
    } while (cursor);
    const all = await api.as('clerk1', 'GET', '/cases?limit=200');
    expect(seen).toEqual(all.body.items.map((c: { caseNo: string }) => c.caseNo));
    expect(new Set(seen).size).toBe(seen.length);
    const times = all.body.items.map((c: { acceptedAt: string }) => c.acceptedAt);
    expect([...times].sort().reverse()).toEqual(times);

    const today = all.body.items[0].acceptedAt.slice(0, 10);
    const byDay = await api.as('clerk1', 'GET', `/cases?acceptedFrom=${today}&acceptedTo=${today}&itemCode=ENT-START`);
    expect(byDay.body.items.map((c: { itemCode: string }) => c.itemCode)).toEqual(['ENT-START']);
    expect((await api.as('clerk1', 'GET', '/cases?cursor=not-a-cursor')).status).toBe(422);
    expect((await api.as('clerk1', 'GET', '/cases?status=LOST&acceptedFrom=yesterday')).body.problems).toHaveLength(2);
  });
});
