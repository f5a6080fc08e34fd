import { connect, type NatsConnection } from '@nats-io/transport-node';
import { freeBasePort } from '../support/free-ports.js';
import { accept, decide, openTask } from '../support/flows.js';
import { PERSON_ID, reTransfer } from '../support/intake-applications.js';
import { caseWhere, eventually, idempotencyKey, type Api, type Reply } from './support/api.js';
import { oldCaseDetails } from './support/old-case-details.js';
import { startTestStack, type TestStack } from './support/stack.js';

/**
 * GET /cases/{caseNo} served from routing's read model (issue #12): through a whole lifecycle (supplement, approval,
 * payment, pickup) it answers what the gateway assembled before from five services, plus `asOf` and `version`; its
 * ETag moves when and only when the case does; If-None-Match gets a 304 without a body; the long-poll answers at
 * once on a stale ETag, wakes on a change and runs out with a 304.
 */
describe('the case view from one place', () => {
  let t: TestStack;
  let api: Api;
  let nc: NatsConnection;

  beforeAll(async () => {
    // Ports outside the ranges other people's stacks use on the shared machine.
    t = await startTestStack({ basePort: await freeBasePort(process.env.OW_TEST_BASE_PORTS ?? '31000-31990'), namespacePrefix: 'caseview_e2e' });
    api = t.api;
    nc = await connect({ servers: t.natsUrl });
  }, 180_000);

  afterAll(async () => {
    await nc?.close();
    await t?.stop();
  }, 60_000);

  const get = (caseNo: string, headers: Record<string, string> = {}, query = '', user = 'supervisor1'): Promise<Reply> =>
    api.as(user, 'GET', `/cases/${caseNo}${query}`, undefined, headers);

  /**
   * Once the case has settled: the view equals the old assembly of the same moment (asOf and version aside), and
   * reading it again changes nothing, ETag included. The settled view and its ETag.
   */
  async function matchesOld(caseNo: string, what: string): Promise<{ view: any; etag: string }> {
    const settled = await eventually(async () => {
      const r = await get(caseNo);
      expect(r.status).toBe(200);
      const { asOf, version, ...view } = r.body;
      expect(view).toEqual(await oldCaseDetails(nc, t.namespace, caseNo));
      expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(version).toBeGreaterThan(0);
      return { view: r.body, etag: r.headers.get('etag')! };
    }, `the view of ${caseNo} to match the old assembly: ${what}`);
    expect(settled.etag).toBe(`"${caseNo}.${settled.view.version}"`);
    for (let i = 0; i < 3; i++) {
      const again = await get(caseNo);
      expect([again.status, again.headers.get('etag')]).toEqual([200, settled.etag]);
      expect(again.body).toEqual(settled.view);
    }
    return settled;
  }

  it('matches the old assembled view through a lifecycle, its version and ETag moving with every change and only then', async () => {
    const applicant = { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: PERSON_ID, phone: '13800138000' };
    const { caseNo } = await accept(api, reTransfer({ applicant, delivery: { method: 'WINDOW' } }));
    const etags: string[] = [];
    const step = async (what: string, ok: (v: any) => unknown) => {
      await caseWhere(api, caseNo, ok, what);
      const { view, etag } = await matchesOld(caseNo, what);
      expect(etags).not.toContain(etag);
      etags.push(etag);
      return view;
    };

    await step('in review, three open tasks', (v) => v.status === 'IN_REVIEW' && v.tasks.length === 3 && v.tasks.every((x: any) => x.status === 'OPEN'));

    // 补正: TAX asks for a supplement; approval pauses the other tasks (told by approval.tasks.changed.v1), intake takes the materials.
    const tax = await openTask(api, 'rep.tax', caseNo);
    const asked = await api.as('rep.tax', 'POST', `/tasks/${tax.taskId}/decision`, { decision: 'REQUEST_SUPPLEMENT', opinion: '请补充完税凭证', requested: [{ code: 'M05', name: '完税凭证' }] });
    expect(asked.status).toBe(200);
    await step('suspended, the other tasks paused', (v) => v.status === 'SUSPENDED' && v.tasks.filter((x: any) => x.status === 'PAUSED').length === 2);
    const supplied = await api.as('clerk1', 'POST', `/cases/${caseNo}/supplements`, { materials: [{ code: 'M05', name: '完税凭证' }] }, { 'Idempotency-Key': idempotencyKey() });
    expect(supplied.status).toBe(201);
    await step('resumed, every task open again', (v) => v.status === 'IN_REVIEW' && v.suspensions.length === 1 && v.tasks.every((x: any) => x.status === 'OPEN'));

    const opinion = await api.as('rep.hud', 'POST', `/cases/${caseNo}/opinions`, { opinion: '建议核实完税凭证原件' });
    expect([200, 201]).toContain(opinion.status);
    await step('an opinion', (v) => v.opinions.length === 1);

    for (const rep of ['rep.hud', 'rep.tax', 'rep.nrb']) await decide(api, rep, caseNo);
    const awaiting = await step('approved, its payment notice', (v) => v.status === 'AWAITING_PAYMENT' && v.paymentNotice);

    const paid = await api.as('finance1', 'POST', `/payment-notices/${awaiting.paymentNotice.noticeNo}/payments`, {
      amountFen: awaiting.paymentNotice.totalFen,
      channel: 'POS',
      reference: `POS-${caseNo}`,
    });
    expect([200, 201]).toContain(paid.status);
    const ready = await step('paid, its delivery ready', (v) => v.status === 'READY_FOR_DELIVERY' && v.deliveries.length === 1 && v.paymentNotice.status === 'PAID');

    const pickupCode = await t.pickupCode(caseNo);
    const picked = await api.as('clerk1', 'POST', `/deliveries/${ready.deliveries[0].deliveryId}/pickup`, { pickupCode, idNumber: PERSON_ID });
    expect(picked.status).toBe(200);
    const delivered = await step('collected at the window', (v) => v.status === 'DELIVERED' && v.deliveries[0].status === 'DELIVERED');
    expect(delivered.version).toBeGreaterThan(awaiting.version);
  }, 240_000);

  it('answers If-None-Match with a 304 and no body while the case is unchanged, and the clerk of the case the same view', async () => {
    const { caseNo } = await accept(api, reTransfer());
    await caseWhere(api, caseNo, (v) => v.tasks.length === 3, 'its tasks');
    const { view, etag } = await matchesOld(caseNo, 'in review');
    const notModified = await get(caseNo, { 'If-None-Match': etag });
    expect([notModified.status, notModified.body, notModified.headers.get('etag')]).toEqual([304, undefined, etag]);
    const clerk = await get(caseNo, { 'If-None-Match': etag }, '', 'clerk1');
    expect(clerk.status).toBe(304);
    const stale = await get(caseNo, { 'If-None-Match': `"${caseNo}.${view.version - 1}"` });
    expect([stale.status, stale.body.version]).toEqual([200, view.version]);
  }, 60_000);

  it('long-polls: at once on a stale ETag, woken by a change, a 304 when the time runs out', async () => {
    const { caseNo } = await accept(api, reTransfer());
    await caseWhere(api, caseNo, (v) => v.tasks.length === 3, 'its tasks');
    const { etag } = await matchesOld(caseNo, 'in review');

    let started = Date.now();
    const quiet = await get(caseNo, { 'If-None-Match': etag }, '?waitSeconds=1');
    expect([quiet.status, quiet.body]).toEqual([304, undefined]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    started = Date.now();
    const atOnce = await get(caseNo, { 'If-None-Match': '"stale"' }, '?waitSeconds=20');
    expect(atOnce.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);

    started = Date.now();
    const waiting = get(caseNo, { 'If-None-Match': etag }, '?waitSeconds=25');
    await new Promise((r) => setTimeout(r, 1000));
    const opinion = await api.as('rep.nrb', 'POST', `/cases/${caseNo}/opinions`, { opinion: '同意' });
    expect([200, 201]).toContain(opinion.status);
    const woken = await waiting;
    expect(woken.status).toBe(200);
    expect(woken.headers.get('etag')).not.toBe(etag);
    expect(woken.body.opinions).toEqual([expect.objectContaining({ department: 'NRB', opinion: '同意' })]);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it('validates waitSeconds like every query parameter', async () => {
    const { caseNo } = await accept(api, reTransfer());
    for (const bad of ['31', '-1', '1.5', 'ten', '0x10', '1e1', '']) {
      const r = await get(caseNo, {}, `?waitSeconds=${bad}`);
      expect([bad, r.status, r.body.code]).toEqual([bad, 400, 'REQUEST.INVALID']);
    }
    expect((await get(caseNo, {}, '?waitSeconds=0')).status).toBe(200);
  }, 60_000);
});
