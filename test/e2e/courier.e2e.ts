import pg from 'pg';
import { mod11_2 } from '#libs/checks';
import { sealFiling } from '../support/intake-applications.js';
import { accept } from '../support/flows.js';
import { Api, caseWhere, eventually, idempotencyKey } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

const PROXY_ID = '440524188001010014';
const postalAddress = { province: '四川', city: '绵阳市', district: '游仙区', detail: '示范路 1 号' };

/**
 * 邮寄送达 and 委托代领 over HTTP through all six services: structured addresses checked at acceptance, a batch of
 * three dispatched with center-assigned waybills and printed, one failed twice (DELIVERY_MAX_ATTEMPTS = 2) and
 * returned to the window, then collected there by a proxy; a batch with a WINDOW and a DELIVERED delivery is refused
 * whole, both listed, nothing written.
 */
describe('courier dispatch and proxy pickup, end to end', () => {
  let t: TestStack;
  let api: Api;
  let db: pg.Client;

  beforeAll(async () => {
    t = await startTestStack({ namespacePrefix: 'courier' });
    api = t.api;
    db = await t.db();
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  /** SEAL-FILING decided at the window by rep.psb: no fee, READY_FOR_DELIVERY at once. */
  async function readyCase(delivery: object): Promise<{ caseNo: string; delivery: any }> {
    const c = await accept(api, sealFiling({ decision: 'APPROVE', opinion: '材料齐全，准予备案' }, { delivery }), 'rep.psb');
    const ready = await caseWhere(api, c.caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.deliveries.length > 0, 'READY_FOR_DELIVERY with its delivery');
    return { caseNo: c.caseNo, delivery: ready.deliveries[0] };
  }
  const courierCase = (phone: string) => readyCase({ method: 'COURIER', recipient: '张三', phone, postalAddress });

  async function timelineTypes(caseNo: string, until: (types: string[]) => boolean, what: string): Promise<string[]> {
    return eventually(async () => {
      const r = await api.as('supervisor1', 'GET', `/cases/${caseNo}/timeline`);
      const types: string[] = (r.body ?? []).map((e: any) => e.type);
      return until(types) ? types : undefined;
    }, what);
  }

  const count = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);

  it('refuses an unknown province at acceptance (400, the field named), and keeps the address by level', async () => {
    const before = await count(`SELECT count(*) AS n FROM intake.cases`);
    const bad = await api.as('rep.psb', 'POST', '/cases', sealFiling({ decision: 'APPROVE' }, { delivery: { method: 'COURIER', phone: '13900139000', postalAddress: { ...postalAddress, province: '火星省' } } }), {
      'Idempotency-Key': idempotencyKey(),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([expect.objectContaining({ field: 'delivery.postalAddress.province', rule: 'isProvince' })]);
    expect(await count(`SELECT count(*) AS n FROM intake.cases`)).toBe(before);

    const { delivery } = await courierCase('13900139001');
    expect(delivery).toMatchObject({ method: 'COURIER', status: 'READY', address: '四川省绵阳市游仙区示范路 1 号', phone: '139****9001' });
    const [row] = (await db.query(`SELECT postal_address FROM delivery.deliveries WHERE id = $1`, [delivery.deliveryId])).rows;
    // Kept by level, sealed at rest (#11): the column holds one sealed value; the answer above shows it opened.
    expect(row.postal_address).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('示范路');
  });

  it('dispatches a batch of three; one fails twice, is returned to the window and collected there by a proxy', async () => {
    const cases = [await courierCase('13900139002'), await courierCase('13900139003'), await courierCase('13900139004')];
    const ids = cases.map((c) => c.delivery.deliveryId);

    // The courier's queue pages like the worklist.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await api.as('courier1', 'GET', `/deliveries?status=READY&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((d: any) => d.deliveryId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(new Set(seen).size).toBe(seen.length);

    const batch = await api.as('courier1', 'POST', '/dispatch-batches', { deliveryIds: ids, carrier: 'EMS' }, { 'Idempotency-Key': idempotencyKey() });
    expect(batch.status).toBe(201);
    expect(batch.body.items.map((i: any) => i.deliveryId)).toEqual(ids);
    for (const item of batch.body.items) {
      const m = /^OW(\d{16})([\dX])$/.exec(item.waybillNo)!;
      expect(mod11_2(m[1])).toBe(m[2]);
      expect(item).toMatchObject({ attempt: 1, recipient: '张三', phone: expect.stringMatching(/^139\*{4}\d{4}$/) });
    }
    for (const c of cases) await caseWhere(api, c.caseNo, (x) => x.status === 'DELIVERING', 'DELIVERING');

    // The printed dispatch list: the one place the phones are in full.
    const html = await api.as('courier1', 'GET', `/dispatch-batches/${batch.body.batchId}/print`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.body).toContain('邮寄送达交接清单');
    expect(html.body).toContain('13900139003');
    expect(html.body).toContain(batch.body.items[1].waybillNo);
    const pdf = await fetch(`${api.baseUrl}/api/v1/dispatch-batches/${batch.body.batchId}/print?format=pdf`, { headers: { authorization: `Bearer ${await api.login('courier1')}` } });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await api.as('clerk1', 'GET', `/dispatch-batches/${batch.body.batchId}/print`)).status).toBe(403);

    // Two are delivered as before.
    for (const i of [0, 2]) {
      expect((await api.as('courier1', 'POST', `/deliveries/${ids[i]}/tracking`, { status: 'IN_TRANSIT', at: new Date().toISOString() })).status).toBe(200);
      expect((await api.as('courier1', 'POST', `/deliveries/${ids[i]}/delivered`, { signedBy: '张三' })).status).toBe(200);
      await caseWhere(api, cases[i].caseNo, (x) => x.status === 'DELIVERED', 'DELIVERED');
    }

    // The middle one fails: back to READY for a new batch.
    const [, failing] = cases;
    expect((await api.as('courier1', 'POST', `/deliveries/${ids[1]}/tracking`, { status: 'OUT_FOR_DELIVERY', at: new Date().toISOString() })).status).toBe(200);
    const future = await api.as('courier1', 'POST', `/deliveries/${ids[1]}/tracking`, { status: 'FAILED', at: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.status).toBe(422);
    const first = await api.as('courier1', 'POST', `/deliveries/${ids[1]}/tracking`, { status: 'FAILED', at: new Date().toISOString(), note: '收件人电话无人接听' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'READY', failedAttempts: 1 });
    expect(first.body.tracking.map((e: any) => e.status)).toEqual(['OUT_FOR_DELIVERY', 'FAILED']);
    expect((await api.as('courier1', 'POST', `/deliveries/${ids[1]}/tracking`, { status: 'FAILED', at: new Date().toISOString() })).status).toBe(409);

    // Out again with the carrier's own waybill number; it fails a second time: returned to the accepting center.
    const retry = await api.as('courier1', 'POST', '/dispatch-batches', { deliveryIds: [ids[1]], carrier: 'SF', waybillNos: ['SF1234567890123'] });
    expect(retry.status).toBe(201);
    expect(retry.body.items).toEqual([expect.objectContaining({ waybillNo: 'SF1234567890123', attempt: 2 })]);
    const second = await api.as('courier1', 'POST', `/deliveries/${ids[1]}/tracking`, { status: 'FAILED', at: new Date().toISOString(), note: '地址无法投递' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'RETURNED_TO_WINDOW', failedAttempts: 2, pickupCenter: '510704-C01', returnedAt: expect.any(String) });
    expect(JSON.stringify(second.body)).not.toMatch(/pickupCode/);
    const types = await timelineTypes(failing.caseNo, (ts) => ts.filter((x) => x === 'delivery.delivery.failed.v1').length === 2 && ts.includes('delivery.delivery.returned-to-window.v1'), 'two failures and the return on the timeline');
    expect(types.filter((x) => x === 'delivery.delivery.dispatched.v1')).toHaveLength(2);
    const returned = await api.as('clerk1', 'GET', '/deliveries?status=RETURNED_TO_WINDOW&method=COURIER');
    expect(returned.body.items.map((d: any) => d.deliveryId)).toContain(ids[1]);

    // The applicant is told the result is back at the window, with the code (the notification, not any page).
    const pickupCode = await t.pickupCode(failing.caseNo);
    const { rows } = await db.query(`SELECT pickup_code FROM delivery.deliveries WHERE id = $1`, [ids[1]]);
    expect(pickupCode).toBe(rows[0].pickup_code);
    // 委托代领: a proxy with the code and their own ID card; the ID shown must be the proxy's.
    const mismatch = await api.as('clerk1', 'POST', `/deliveries/${ids[1]}/pickup`, { pickupCode, idNumber: '11010519491231002X', proxy: { name: '王五', idNumber: PROXY_ID } });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.problems).toEqual([expect.objectContaining({ field: 'idNumber', rule: 'proxyIdNumber' })]);
    const picked = await api.as('clerk1', 'POST', `/deliveries/${ids[1]}/pickup`, { pickupCode, idNumber: PROXY_ID, proxy: { name: '王五', idNumber: PROXY_ID } });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({ status: 'DELIVERED', signedBy: '王五', proxy: { name: '王五', idNumber: '4405**********0014' } });
    expect(JSON.stringify(picked.body)).not.toContain(PROXY_ID);
    const stored = JSON.stringify((await db.query(`SELECT * FROM delivery.deliveries WHERE id = $1`, [ids[1]])).rows[0]);
    expect(stored).not.toContain(PROXY_ID);
    await caseWhere(api, failing.caseNo, (x) => x.status === 'DELIVERED', 'DELIVERED');
    const timeline = await api.as('supervisor1', 'GET', `/cases/${failing.caseNo}/timeline`);
    expect(JSON.stringify(timeline.body)).not.toContain(PROXY_ID);
  });

  it('refuses a batch with a WINDOW delivery and a DELIVERED one, listing both, writing nothing', async () => {
    const window = await readyCase({ method: 'WINDOW' });
    const done = await courierCase('13900139005');
    const one = await api.as('courier1', 'POST', '/dispatch-batches', { deliveryIds: [done.delivery.deliveryId], carrier: 'EMS' });
    expect(one.status).toBe(201);
    expect((await api.as('courier1', 'POST', `/deliveries/${done.delivery.deliveryId}/delivered`, { signedBy: '张三' })).status).toBe(200);
    const fresh = await courierCase('13900139006');

    const batches = await count(`SELECT count(*) AS n FROM delivery.dispatch_batches`);
    const items = await count(`SELECT count(*) AS n FROM delivery.dispatch_batch_items`);
    // Notifications of earlier steps may still be going out meanwhile (their outcome is an event): not this batch's.
    const OUTBOX = `SELECT count(*) AS n FROM delivery.outbox WHERE type <> 'delivery.notification.sent.v1'`;
    const outbox = await count(OUTBOX);
    const r = await api.as('courier1', 'POST', '/dispatch-batches', { deliveryIds: [fresh.delivery.deliveryId, window.delivery.deliveryId, done.delivery.deliveryId], carrier: 'EMS' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('DISPATCH_BATCH.INVALID');
    expect(r.body.problems.map((p: any) => `${p.field}:${p.rule}`)).toEqual(['deliveryIds.1:courierDelivery', 'deliveryIds.2:readyDelivery']);
    expect(await count(`SELECT count(*) AS n FROM delivery.dispatch_batches`)).toBe(batches);
    expect(await count(`SELECT count(*) AS n FROM delivery.dispatch_batch_items`)).toBe(items);
    expect(await count(OUTBOX)).toBe(outbox);
    const [row] = (await db.query(`SELECT status FROM delivery.deliveries WHERE id = $1`, [fresh.delivery.deliveryId])).rows;
    expect(row.status).toBe('READY');

    // A waybill number the carrier already had is refused too, and a malformed batch is a 400.
    const reused = await api.as('courier1', 'POST', '/dispatch-batches', { deliveryIds: [fresh.delivery.deliveryId], carrier: 'EMS', waybillNos: [one.body.items[0].waybillNo] });
    expect(reused.status).toBe(422);
    expect(reused.body.problems).toEqual([expect.objectContaining({ field: 'waybillNos.0', rule: 'unusedWaybill' })]);
    const malformed = await api.as('courier1', 'POST', '/dispatch-batches', { deliveryIds: [fresh.delivery.deliveryId], carrier: 'EMS', waybillNos: ['1234567890123', '1234567890124'] });
    expect(malformed.status).toBe(400);
  });
});
