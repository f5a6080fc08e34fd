import { createHmac, randomUUID } from 'node:crypto';
import pg from 'pg';
import { mod11_2 } from '#libs/checks';
import { accept, decide } from '../support/flows.js';
import { Api, caseWhere, eventually, idempotencyKey, reTransferApplication, type Reply } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

const SECRET = 'demo-callback-secret';

/**
 * 一窗式收费 finished, over HTTP through all six services: a signed bank callback pays and releases the case once,
 * retries are answered once, a bad signature writes nothing, an expired notice is reissued and paid, a withdrawal
 * after payment is refunded in two parts, and the day's books show it all.
 */
describe('the fee window, end to end', () => {
  let t: TestStack;
  let api: Api;
  let db: pg.Client;

  beforeAll(async () => {
    t = await startTestStack({ namespacePrefix: 'fees' });
    api = t.api;
    db = await t.db();
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  /** A signed callback exactly as a bank sends it: the signature is over the raw bytes posted. */
  async function callback(body: object | string, opts: { secret?: string; timestamp?: number; signature?: string | null } = {}): Promise<Reply> {
    const raw = typeof body === 'string' ? body : JSON.stringify(body);
    const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = opts.signature === undefined ? createHmac('sha256', opts.secret ?? SECRET).update(`${ts}.${raw}`).digest('hex') : opts.signature;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-timestamp': ts };
    if (signature !== null) headers['x-signature'] = signature;
    const res = await fetch(`${api.baseUrl}/api/v1/payments/callback`, { method: 'POST', headers, body: raw });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }

  async function approvedReTransfer(): Promise<{ caseNo: string; notice: any; accepted: any }> {
    const accepted = await accept(api, reTransferApplication());
    await Promise.all(['rep.hud', 'rep.tax', 'rep.nrb'].map((rep) => decide(api, rep, accepted.caseNo, 'APPROVE')));
    const c = await caseWhere(api, accepted.caseNo, (x) => x.status === 'AWAITING_PAYMENT' && x.paymentNotice, 'its payment notice');
    return { caseNo: accepted.caseNo, notice: c.paymentNotice, accepted };
  }

  const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params)).rows[0].n);
  const bankRef = () => `UP${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const paidBody = (notice: any, bankReference: string) => ({ noticeNo: notice.noticeNo, amountFen: notice.totalFen, bankReference, channel: 'UNIONPAY', paidAt: new Date().toISOString() });

  it('a signed callback pays the notice and releases the case to delivery exactly once; a retry gets the first answer', async () => {
    const { caseNo, notice, accepted } = await approvedReTransfer();
    expect(accepted.feeEstimate).toEqual({ totalFen: 9000, lines: expect.any(Array) });
    const m = /^PN(\d{14,})([\dX])$/.exec(notice.noticeNo)!;
    expect(mod11_2(m[1])).toBe(m[2]);
    expect(notice).toMatchObject({ status: 'UNPAID', totalFen: 9000, refundableFen: 0, expiresAt: expect.stringMatching(/T00:00:00\+08:00$/) });
    expect(notice.split).toEqual([expect.objectContaining({ department: 'NRB', amountFen: 9000, payee: expect.objectContaining({ bank: expect.any(String), accountNo: expect.any(String) }) })]);

    // Nothing is written for a bad signature, a missing one, a stale timestamp or a wrong secret, whatever the body.
    const body = paidBody(notice, bankRef());
    expect((await callback(body, { signature: 'ab'.repeat(32) })).status).toBe(401);
    expect((await callback(body, { signature: null })).status).toBe(401);
    expect((await callback(body, { secret: 'another-secret-entirely' })).status).toBe(401);
    expect((await callback(body, { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(401);
    expect((await callback('{"noticeNo": 12', {})).status).toBe(400);
    const malformed = await callback({ noticeNo: 12, amountFen: 1.5, bankReference: '', channel: 'CASH', paidAt: 'yesterday' });
    expect(malformed.status).toBe(400);
    expect([...new Set(malformed.body.problems.map((p: any) => p.field))].sort()).toEqual(['amountFen', 'bankReference', 'channel', 'noticeNo', 'paidAt']);
    for (const amountFen of [0, -9000, 90.5, 1e13]) expect((await callback({ ...body, amountFen })).status).toBe(400);
    expect(await count(`SELECT count(*) AS n FROM fees.payments p JOIN fees.payment_notices n USING (notice_no) WHERE n.case_no = $1`, [caseNo])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM fees.bank_callbacks WHERE notice_no = $1`, [notice.noticeNo])).toBe(0);

    const first = await callback(body);
    expect([first.status, first.body.outcome, first.body.notice.status]).toEqual([200, 'PAID', 'PAID']);
    const again = await callback(body);
    expect([again.status, again.body]).toEqual([200, first.body]);
    expect(await count(`SELECT count(*) AS n FROM fees.payments WHERE notice_no = $1`, [notice.noticeNo])).toBe(1);

    const ready = await caseWhere(api, caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.deliveries?.length > 0, 'its delivery');
    expect(ready.deliveries).toHaveLength(1);
    const timeline = await eventually(async () => {
      const r = await api.as('supervisor1', 'GET', `/cases/${caseNo}/timeline`);
      return r.body.some((e: any) => e.type === 'delivery.delivery.ready.v1') ? r.body : undefined;
    }, 'the delivery on the timeline');
    expect(timeline.filter((e: any) => e.type === 'fees.case.settled.v1')).toHaveLength(1);
    expect(timeline.find((e: any) => e.type === 'fees.payment.recorded.v1')).toMatchObject({ actor: { id: 'bank:UNIONPAY' }, data: { source: 'CALLBACK', applied: true } });

    // Another reference for the paid notice is a double payment: 409, kept, listed, and refundable.
    const double = await callback(paidBody(notice, bankRef()));
    expect([double.status, double.body.outcome]).toEqual([409, 'DOUBLE_PAYMENT']);
    const withDouble = (await api.as('finance1', 'GET', `/payment-notices/${notice.noticeNo}`)).body;
    expect(withDouble).toMatchObject({ status: 'PAID', paidFen: 9000, refundableFen: 9000 });
    expect(withDouble.payments.map((p: any) => p.applied)).toEqual([true, false]);
    const refund = await api.as('finance1', 'POST', `/payment-notices/${notice.noticeNo}/refunds`, { amountFen: 9000, reason: '重复缴费退还' }, { 'Idempotency-Key': idempotencyKey() });
    expect([refund.status, refund.body.status, refund.body.refundableFen, refund.body.refunds[0].channel]).toEqual([201, 'PAID', 0, 'UNIONPAY']);
    expect(refund.body.refunds[0].refundNo).toMatch(/^RF\d{14,}[\dX]$/);
    expect(await count(`SELECT count(*) AS n FROM fees.payments WHERE notice_no = $1 AND applied`, [notice.noticeNo])).toBe(1);
  });

  it('an expired notice cannot be paid (422 NOTICE.EXPIRED); FINANCE reissues it and the new one is paid', async () => {
    const { caseNo, notice } = await approvedReTransfer();
    // Time passes: the notice's last payable day is behind us.
    await db.query(`UPDATE fees.payment_notices SET expires_at = now() - interval '1 second' WHERE notice_no = $1`, [notice.noticeNo]);
    const late = await api.as('finance1', 'POST', `/payment-notices/${notice.noticeNo}/payments`, { amountFen: 9000, channel: 'POS', reference: `POS-${randomUUID()}` });
    expect([late.status, late.body.code]).toEqual([422, 'NOTICE.EXPIRED']);
    const lateBank = await callback(paidBody(notice, bankRef()));
    expect([lateBank.status, lateBank.body.outcome, lateBank.body.code]).toEqual([422, 'EXPIRED', 'NOTICE.EXPIRED']);
    expect(await count(`SELECT count(*) AS n FROM fees.payments WHERE notice_no = $1`, [notice.noticeNo])).toBe(0);
    expect((await caseWhere(api, caseNo, (x) => x.paymentNotice?.status === 'EXPIRED', 'the notice shown EXPIRED')).status).toBe('AWAITING_PAYMENT');
    const expired = await api.as('supervisor1', 'GET', '/payment-notices?status=EXPIRED&limit=200');
    expect(expired.body.items.map((n: any) => n.noticeNo)).toContain(notice.noticeNo);

    expect((await api.as('clerk1', 'POST', `/payment-notices/${notice.noticeNo}/reissue`, {})).status).toBe(403);
    const reissued = await api.as('finance1', 'POST', `/payment-notices/${notice.noticeNo}/reissue`, { reason: '逾期重开' }, { 'Idempotency-Key': idempotencyKey() });
    expect(reissued.status).toBe(201);
    expect(reissued.body).toMatchObject({ status: 'UNPAID', replaces: notice.noticeNo, totalFen: 9000 });
    expect(reissued.body.noticeNo).not.toBe(notice.noticeNo);
    expect((await api.as('finance1', 'GET', `/payment-notices/${notice.noticeNo}`)).body).toMatchObject({ status: 'VOID', replacedBy: reissued.body.noticeNo });
    const twice = await api.as('finance1', 'POST', `/payment-notices/${notice.noticeNo}/reissue`, {});
    expect([twice.status, twice.body.code]).toEqual([409, 'PAYMENT_NOTICE.NOT_REISSUABLE']);
    const paid = await callback(paidBody(reissued.body, bankRef()));
    expect([paid.status, paid.body.outcome]).toEqual([200, 'PAID']);
    await caseWhere(api, caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.paymentNotice?.noticeNo === reissued.body.noticeNo, 'paid on the new notice');
    const timeline = await eventually(async () => {
      const r = await api.as('supervisor1', 'GET', `/cases/${caseNo}/timeline`);
      return r.body.some((e: any) => e.type === 'fees.case.settled.v1') ? r.body : undefined;
    }, 'the settlement on the timeline');
    expect(timeline.find((e: any) => e.type === 'fees.notice.reissued.v1')).toMatchObject({ actor: { id: 'finance1' }, data: { previousNoticeNo: notice.noticeNo, noticeNo: reissued.body.noticeNo } });
  });

  it('a case withdrawn after payment is refunded in two parts, never beyond what was paid, ending REFUNDED', async () => {
    const { caseNo, notice } = await approvedReTransfer();
    const paid = await api.as('finance1', 'POST', `/payment-notices/${notice.noticeNo}/payments`, { amountFen: 9000, channel: 'POS', reference: `POS-${randomUUID()}` });
    expect(paid.status).toBe(201);
    expect((await api.as('finance1', 'POST', `/payment-notices/${notice.noticeNo}/refunds`, { amountFen: 100, reason: '未撤回' })).body.code).toBe('REFUND.EXCEEDS_REFUNDABLE');
    await caseWhere(api, caseNo, (x) => x.status === 'READY_FOR_DELIVERY', 'released to delivery');
    expect((await api.as('clerk1', 'POST', `/cases/${caseNo}/withdraw`, { reason: '申请人撤回' }, { 'Idempotency-Key': idempotencyKey() })).status).toBe(200);
    const due = await caseWhere(api, caseNo, (x) => x.paymentNotice?.status === 'REFUND_DUE', 'the notice REFUND_DUE');
    expect(due.paymentNotice.refundableFen).toBe(9000);

    const refund = (amountFen: unknown, reason = '撤回退费') => api.as('finance1', 'POST', `/payment-notices/${notice.noticeNo}/refunds`, { amountFen, reason });
    for (const bad of [0, -1, 1.5, 1e12, '9000']) expect((await refund(bad)).status).toBe(400);
    expect((await api.as('clerk1', 'POST', `/payment-notices/${notice.noticeNo}/refunds`, { amountFen: 1, reason: 'x' })).status).toBe(403);
    const part1 = await refund(5000);
    expect([part1.status, part1.body.status, part1.body.refundableFen]).toEqual([201, 'REFUND_DUE', 4000]);
    const over = await refund(4001);
    expect([over.status, over.body.code]).toEqual([422, 'REFUND.EXCEEDS_REFUNDABLE']);
    const part2 = await refund(4000);
    expect([part2.status, part2.body.status, part2.body.refundedFen, part2.body.refunds.length]).toEqual([201, 'REFUNDED', 9000, 2]);
    expect((await refund(1)).status).toBe(422);
    const timeline = await eventually(async () => {
      const r = await api.as('supervisor1', 'GET', `/cases/${caseNo}/timeline`);
      return r.body.filter((e: any) => e.type === 'fees.refund.recorded.v1').length === 2 ? r.body : undefined;
    }, 'both refunds on the timeline');
    expect(timeline.filter((e: any) => e.type === 'fees.refund.recorded.v1').map((e: any) => e.data.noticeStatus)).toEqual(['REFUND_DUE', 'REFUNDED']);
  });

  it("shows the day's books: payments, refunds, double payments and exceptions, as JSON and as CSV", async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const unknown = await callback({ noticeNo: 'PN202612020999999', amountFen: 100, bankReference: bankRef(), channel: 'UNIONPAY', paidAt: new Date().toISOString() });
    expect([unknown.status, unknown.body.outcome]).toEqual([404, 'UNKNOWN_NOTICE']);
    const day = await api.as('finance1', 'GET', `/reconciliation/daily?date=${today}`);
    expect(day.status).toBe(200);
    expect(day.body.totals.paid.fen).toBeGreaterThanOrEqual(3 * 9000);
    expect(day.body.totals.refunded.fen).toBeGreaterThanOrEqual(18000);
    const kinds = day.body.exceptions.map((e: any) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['DOUBLE_PAYMENT', 'CALLBACK_UNKNOWN_NOTICE', 'CALLBACK_EXPIRED']));
    const csv = await fetch(`${api.baseUrl}/api/v1/reconciliation/daily.csv?date=${today}`, { headers: { authorization: `Bearer ${await api.login('finance1')}` } });
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await api.as('clerk1', 'GET', `/reconciliation/daily?date=${today}`)).status).toBe(403);
  });

  it('prints the notice with amounts in capitals and a QR code', async () => {
    const { notice } = await approvedReTransfer();
    const html = await api.as('finance1', 'GET', `/payment-notices/${notice.noticeNo}/print`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html.body).toContain('玖拾元整');
    expect(html.body).toContain('<svg');
    expect(html.body).toContain(notice.split[0].payee.accountNo);
    const pdf = await fetch(`${api.baseUrl}/api/v1/payment-notices/${notice.noticeNo}/print?format=pdf`, { headers: { authorization: `Bearer ${await api.login('finance1')}` } });
    expect(pdf.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
