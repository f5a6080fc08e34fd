import { randomUUID } from 'node:crypto';
import { FeesModule } from '../../apps/fees/src/fees.module.js';
import { ErrorCodes, Rpc, type CountFen, type DailyReconciliation } from '#libs/contracts';
import { startOneService, type OneService } from '../support/one-service.js';

/**
 * 对账 / 分账 against real PostgreSQL and NATS: rows of every kind written straight into a migrated fees schema for
 * one Asia/Shanghai day (and its neighbours, which must not count), the day reconciled over request/reply as the
 * gateway asks, and every figure recomputed here from the raw rows with plain JS, to the fen.
 */
describe('fees: the daily reconciliation and split', () => {
  let svc: OneService;
  const DAY = '2026-11-24';
  /** An instant of Asia/Shanghai wall-clock time; `days` shifts the day. */
  const at = (time: string, days = 0) => new Date(new Date(`${DAY}T${time}+08:00`).getTime() + days * 86_400_000);
  const START = at('00:00:00');
  const END = at('00:00:00', 1);
  const DAY_MS = 86_400_000;

  const NRB = (amountFen: number, code = 'REG-RES') => ({ code, name: '不动产登记费', department: 'NRB', amountFen });
  const TAX = (amountFen: number) => ({ code: 'DEED-TAX-FEE', name: '契税代征手续费', department: 'TAX', departmentName: '税务局', amountFen });
  type Line = ReturnType<typeof NRB> | ReturnType<typeof TAX>;
  type Split = { department: string; amountFen: number }[];

  let seq = 0;
  const noticeNo = () => `PN2026112400${String(++seq).padStart(5, '0')}`;
  const caseNo = () => `51070420261124${String(seq).padStart(6, '0')}X`;

  async function notice(n: {
    items: Line[];
    issuedAt: Date;
    status: 'UNPAID' | 'PAID' | 'VOID' | 'REFUND_DUE' | 'REFUNDED';
    expiresAt?: Date;
    closedAt?: Date;
    closeReason?: string;
    paidFen?: number;
    refundedFen?: number;
  }): Promise<string> {
    const no = noticeNo();
    const total = n.items.reduce((s, l) => s + l.amountFen, 0);
    await svc.ds.query(
      `INSERT INTO fees.payment_notices (notice_no, case_no, items, total_fen, paid_fen, refunded_fen, status, issued_at, expires_at, closed_at, close_reason)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [no, caseNo(), JSON.stringify(n.items), total, n.paidFen ?? 0, n.refundedFen ?? 0, n.status, n.issuedAt, n.expiresAt ?? new Date(n.issuedAt.getTime() + 15 * DAY_MS), n.closedAt ?? null, n.closeReason ?? null],
    );
    return no;
  }

  async function payment(p: { noticeNo: string; amountFen: number; channel: string; paidAt: Date; source?: 'WINDOW' | 'CALLBACK'; applied?: boolean; split?: Split }): Promise<string> {
    const id = randomUUID();
    await svc.ds.query(
      `INSERT INTO fees.payments (id, notice_no, amount_fen, channel, reference, source, paid_at, applied, split, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, 'finance1', $7)`,
      [id, p.noticeNo, p.amountFen, p.channel, `REF-${id}`, p.source ?? 'WINDOW', p.paidAt, p.applied ?? true, JSON.stringify(p.split ?? [])],
    );
    return id;
  }

  let refundSeq = 0;
  async function refund(r: { noticeNo: string; amountFen: number; channel: string; refundedAt: Date; paymentId?: string; split?: Split }): Promise<void> {
    await svc.ds.query(
      `INSERT INTO fees.refunds (refund_no, notice_no, case_no, payment_id, amount_fen, channel, reason, split, refunded_by, refunded_at)
       SELECT $1, notice_no, case_no, $2, $3, $4, '撤回退费', $5::jsonb, 'finance1', $6 FROM fees.payment_notices WHERE notice_no = $7`,
      [`RF${++refundSeq}`, r.paymentId ?? null, r.amountFen, r.channel, JSON.stringify(r.split ?? []), r.refundedAt, r.noticeNo],
    );
  }

  async function callback(c: { noticeNo: string; amountFen: number; channel: string; outcome: string; receivedAt: Date }): Promise<void> {
    const ref = `BANK-${randomUUID()}`;
    const status = { PAID: 200, DOUBLE_PAYMENT: 409, UNKNOWN_NOTICE: 404, NOT_PAYABLE: 409, EXPIRED: 422, AMOUNT_MISMATCH: 422 }[c.outcome];
    const answer = { status, body: { outcome: c.outcome, noticeNo: c.noticeNo, bankReference: ref, message: `answered ${c.outcome}.` } };
    await svc.ds.query(
      `INSERT INTO fees.bank_callbacks (bank_reference, notice_no, amount_fen, channel, paid_at, outcome, status_code, answer, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $5)`,
      [ref, c.noticeNo, c.amountFen, c.channel, c.receivedAt, c.outcome, status, JSON.stringify(answer)],
    );
  }

  /** Every kind of event on DAY, and on its neighbouring days rows that must not count. */
  async function theDay(): Promise<Record<string, string>> {
    await svc.ds.query(`INSERT INTO fees.payee_accounts (department, department_name, account_name, bank, account_no) VALUES ('NRB', '自然资源和规划局', '自然资源和规划局非税专户', '工商银行', '2304 0000 0000 0001')`);

    // Issued on DAY, paid at the finance window on DAY (split over its two NRB lines).
    const windowPaid = await notice({ items: [NRB(8000), NRB(1000, 'CERT-COPY')], issuedAt: at('09:00:00'), status: 'PAID', paidFen: 9000 });
    await payment({ noticeNo: windowPaid, amountFen: 9000, channel: 'POS', paidAt: at('10:00:00'), split: [{ department: 'NRB', amountFen: 9000 }] });

    // Issued the day before at 23:59:59 (not DAY's), paid by a bank callback on DAY, then paid again: a double payment,
    // partly returned the same day.
    const callbackPaid = await notice({ items: [NRB(8000), TAX(3000)], issuedAt: at('23:59:59', -1), status: 'PAID', paidFen: 11000 });
    await payment({ noticeNo: callbackPaid, amountFen: 11000, channel: 'WECHAT', source: 'CALLBACK', paidAt: at('11:00:00'), split: [{ department: 'NRB', amountFen: 8000 }, { department: 'TAX', amountFen: 3000 }] });
    await callback({ noticeNo: callbackPaid, amountFen: 11000, channel: 'WECHAT', outcome: 'PAID', receivedAt: at('11:00:00') });
    const double = await payment({ noticeNo: callbackPaid, amountFen: 11000, channel: 'WECHAT', source: 'CALLBACK', paidAt: at('12:00:00'), applied: false });
    await callback({ noticeNo: callbackPaid, amountFen: 11000, channel: 'WECHAT', outcome: 'DOUBLE_PAYMENT', receivedAt: at('12:00:00') });
    await refund({ noticeNo: callbackPaid, amountFen: 5000, channel: 'WECHAT', refundedAt: at('15:00:00'), paymentId: double });

    // Withdrawn 8 days before: a partial refund on DAY leaves 6000 owed, overdue (N = 5).
    const partlyRefunded = await notice({ items: [NRB(9000)], issuedAt: at('09:00:00', -10), status: 'REFUND_DUE', paidFen: 9000, refundedFen: 3000, closedAt: at('10:00:00', -8), closeReason: '申请人撤回' });
    await payment({ noticeNo: partlyRefunded, amountFen: 9000, channel: 'POS', paidAt: at('09:30:00', -10), split: [{ department: 'NRB', amountFen: 9000 }] });
    await refund({ noticeNo: partlyRefunded, amountFen: 3000, channel: 'POS', refundedAt: at('14:00:00'), split: [{ department: 'NRB', amountFen: 3000 }] });

    // Withdrawn 2 days before, fully refunded on DAY over two departments.
    const fullyRefunded = await notice({ items: [NRB(6000), TAX(3000)], issuedAt: at('09:00:00', -3), status: 'REFUNDED', paidFen: 9000, refundedFen: 9000, closedAt: at('10:00:00', -2), closeReason: '申请人撤回' });
    await payment({ noticeNo: fullyRefunded, amountFen: 9000, channel: 'ALIPAY', paidAt: at('09:30:00', -3), split: [{ department: 'NRB', amountFen: 6000 }, { department: 'TAX', amountFen: 3000 }] });
    await refund({ noticeNo: fullyRefunded, amountFen: 9000, channel: 'ALIPAY', refundedAt: at('16:00:00'), split: [{ department: 'NRB', amountFen: 6000 }, { department: 'TAX', amountFen: 3000 }] });

    // Issued and voided (withdrawn before payment) on DAY; a bank then tries to pay it.
    const voided = await notice({ items: [TAX(3000), NRB(2000)], issuedAt: at('09:30:00'), status: 'VOID', closedAt: at('17:00:00'), closeReason: '申请人撤回' });
    await callback({ noticeNo: voided, amountFen: 5000, channel: 'UNIONPAY', outcome: 'NOT_PAYABLE', receivedAt: at('18:00:00') });

    // Expires at the end of DAY, unpaid; a bank reports the wrong amount for it.
    const expiring = await notice({ items: [NRB(9000)], issuedAt: at('10:00:00', -15), status: 'UNPAID', expiresAt: new Date(END.getTime() - 1) });
    await callback({ noticeNo: expiring, amountFen: 100, channel: 'BANK_COUNTER', outcome: 'AMOUNT_MISMATCH', receivedAt: at('14:30:00') });

    // Expired the day before, reissued (VOID) on DAY: voided on DAY, expired the day before; the new notice issued on DAY.
    const reissuedOld = await notice({ items: [NRB(8000)], issuedAt: at('10:00:00', -16), status: 'VOID', expiresAt: at('23:59:59', -1), closedAt: at('10:00:00'), closeReason: 'REISSUED' });
    await callback({ noticeNo: reissuedOld, amountFen: 8000, channel: 'ONLINE_BANKING', outcome: 'EXPIRED', receivedAt: at('08:00:00') });
    await notice({ items: [NRB(8000)], issuedAt: at('10:00:00'), status: 'UNPAID' });

    // Expires at noon on DAY, reissued the next day: expired on DAY (voided later), voided the next day.
    await notice({ items: [TAX(4000)], issuedAt: at('12:00:00', -15), status: 'VOID', expiresAt: at('12:00:00'), closedAt: at('09:00:00', 1), closeReason: 'REISSUED' });
    // Would expire on DAY but paid the day before, or voided the day before: neither expired.
    const paidBefore = await notice({ items: [NRB(7000)], issuedAt: at('12:00:00', -15), status: 'PAID', paidFen: 7000, expiresAt: at('13:00:00') });
    await payment({ noticeNo: paidBefore, amountFen: 7000, channel: 'CASH_REGISTER', paidAt: at('16:00:00', -1), split: [{ department: 'NRB', amountFen: 7000 }] });
    await notice({ items: [NRB(7000)], issuedAt: at('12:00:00', -15), status: 'VOID', expiresAt: at('13:00:00'), closedAt: at('08:00:00', -1), closeReason: '申请人撤回' });

    // At the day's edges: issued at 23:59:59 (counts), paid at 00:00:00 of the next day (does not); paid at 23:59:59 (counts).
    const lateIssued = await notice({ items: [NRB(9000)], issuedAt: at('23:59:59'), status: 'PAID', paidFen: 9000 });
    await payment({ noticeNo: lateIssued, amountFen: 9000, channel: 'ALIPAY', source: 'CALLBACK', paidAt: END, split: [{ department: 'NRB', amountFen: 9000 }] });
    const latePaid = await notice({ items: [NRB(6000), TAX(3000)], issuedAt: at('12:00:00', -1), status: 'PAID', paidFen: 9000 });
    await payment({ noticeNo: latePaid, amountFen: 9000, channel: 'CASH_REGISTER', paidAt: at('23:59:59'), split: [{ department: 'NRB', amountFen: 6000 }, { department: 'TAX', amountFen: 3000 }] });
    // A notice issued at 00:00:00 of the next day, a refund at 00:00:00 of the next day: neither counts.
    await notice({ items: [TAX(3000)], issuedAt: END, status: 'UNPAID' });
    await refund({ noticeNo: latePaid, amountFen: 1000, channel: 'CASH_REGISTER', refundedAt: END, split: [{ department: 'NRB', amountFen: 1000 }] });

    // An applied payment written without a split: its fen are unallocated, never lost.
    const noSplit = await notice({ items: [NRB(2500)], issuedAt: at('08:00:00', -1), status: 'PAID', paidFen: 2500 });
    await payment({ noticeNo: noSplit, amountFen: 2500, channel: 'POS', paidAt: at('08:30:00') });

    // Callbacks for an unknown notice: on DAY (an exception), and just outside it on both sides (not).
    await callback({ noticeNo: 'PN20261124999990', amountFen: 5000, channel: 'ONLINE_BANKING', outcome: 'UNKNOWN_NOTICE', receivedAt: at('13:00:00') });
    await callback({ noticeNo: 'PN20261124999991', amountFen: 5000, channel: 'ONLINE_BANKING', outcome: 'UNKNOWN_NOTICE', receivedAt: at('23:59:59', -1) });
    await callback({ noticeNo: 'PN20261124999992', amountFen: 5000, channel: 'ONLINE_BANKING', outcome: 'UNKNOWN_NOTICE', receivedAt: END });

    // Double payments 7 days before: one never returned (overdue), one returned the day after (settled).
    const olderPaid = await notice({ items: [NRB(7000)], issuedAt: at('09:00:00', -9), status: 'PAID', paidFen: 7000 });
    await payment({ noticeNo: olderPaid, amountFen: 7000, channel: 'POS', paidAt: at('09:30:00', -9), split: [{ department: 'NRB', amountFen: 7000 }] });
    await payment({ noticeNo: olderPaid, amountFen: 7000, channel: 'ALIPAY', source: 'CALLBACK', paidAt: at('11:00:00', -7), applied: false });
    const returned = await payment({ noticeNo: olderPaid, amountFen: 7000, channel: 'UNIONPAY', source: 'CALLBACK', paidAt: at('12:00:00', -7), applied: false });
    await refund({ noticeNo: olderPaid, amountFen: 7000, channel: 'UNIONPAY', refundedAt: at('09:00:00', -6), paymentId: returned });

    // Withdrawn just within and just past N days before the end of DAY, nothing returned.
    const N = 5;
    const owedWithin = await notice({ items: [TAX(2000)], issuedAt: at('09:00:00', -9), status: 'REFUND_DUE', paidFen: 2000, closedAt: new Date(END.getTime() - N * DAY_MS + 1000), closeReason: '申请人撤回' });
    await payment({ noticeNo: owedWithin, amountFen: 2000, channel: 'POS', paidAt: at('09:30:00', -9), split: [{ department: 'TAX', amountFen: 2000 }] });
    const owedPast = await notice({ items: [TAX(2000)], issuedAt: at('09:00:00', -9), status: 'REFUND_DUE', paidFen: 2000, closedAt: new Date(END.getTime() - N * DAY_MS - 1000), closeReason: '申请人撤回' });
    await payment({ noticeNo: owedPast, amountFen: 2000, channel: 'POS', paidAt: at('09:30:00', -9), split: [{ department: 'TAX', amountFen: 2000 }] });

    return { windowPaid, callbackPaid, partlyRefunded, fullyRefunded, voided, expiring, reissuedOld, olderPaid, owedWithin, owedPast };
  }

  beforeAll(async () => {
    svc = await startOneService('fees', (config) => FeesModule.register(config));
  }, 60_000);

  afterAll(async () => {
    await svc?.stop();
  }, 30_000);

  it('balances to the fen with the same figures recomputed from the raw rows', async () => {
    const n = await theDay();
    const day = await svc.rpc.request(Rpc.fees.reconcileDay, { date: DAY });
    const expected = await recompute();

    expect(day).toMatchObject({ date: DAY, from: '2026-11-24T00:00:00+08:00', to: '2026-11-25T00:00:00+08:00', refundOverdueDays: 5 });
    expect(day.totals).toEqual(expected.totals);
    expect(day.channels).toEqual(expected.channels);
    expect(day.departments).toEqual(expected.departments);
    expect(day.unallocated).toEqual(expected.unallocated);
    expect(day.exceptions.map(({ kind, caseNo, noticeNo, amountFen, channel, reference }) => ({ kind, caseNo, noticeNo, amountFen, channel, reference }))).toEqual(expected.exceptions);

    // And by hand, so the recomputation above cannot share a mistake with the SQL.
    expect(day.totals).toEqual({
      issued: { count: 4, fen: 9000 + 5000 + 8000 + 9000 },
      paid: { count: 4, fen: 9000 + 11000 + 9000 + 2500 },
      doublePaid: { count: 1, fen: 11000 },
      refunded: { count: 3, fen: 5000 + 3000 + 9000 },
      voided: { count: 2, fen: 5000 + 8000 },
      expired: { count: 2, fen: 9000 + 4000 },
      departmentsNetFen: (9000 + 8000 + 6000 - 3000 - 6000) + (3000 + 3000 - 3000),
      netFen: 9000 + 11000 + 9000 + 2500 + 11000 - 5000 - 3000 - 9000,
    });
    expect(day.departments.map((d) => [d.department, d.departmentName, d.paid, d.refunded, d.netFen])).toEqual([
      ['NRB', '自然资源和规划局', { count: 3, fen: 9000 + 8000 + 6000 }, { count: 2, fen: 3000 + 6000 }, 23000 - 9000],
      ['TAX', '税务局', { count: 2, fen: 3000 + 3000 }, { count: 1, fen: 3000 }, 3000],
    ]);
    expect(day.unallocated).toEqual({ paid: { count: 1, fen: 2500 }, doublePaid: { count: 1, fen: 11000 }, refunded: { count: 1, fen: 5000 }, netFen: 8500 });
    expect(day.channels.reduce((s, c) => s + c.netFen, 0)).toBe(day.totals.netFen);
    expect(day.totals.departmentsNetFen + day.unallocated.netFen).toBe(day.totals.netFen);
    expect(day.exceptions.map((e) => [e.kind, e.noticeNo, e.amountFen])).toEqual([
      ['REFUND_OVERDUE', n.partlyRefunded, 6000],
      ['REFUND_OVERDUE', n.olderPaid, 7000],
      ['REFUND_OVERDUE', n.owedPast, 2000],
      ['CALLBACK_EXPIRED', n.reissuedOld, 8000],
      ['DOUBLE_PAYMENT', n.callbackPaid, 11000],
      ['CALLBACK_UNKNOWN_NOTICE', 'PN20261124999990', 5000],
      ['CALLBACK_AMOUNT_MISMATCH', n.expiring, 100],
      ['CALLBACK_NOT_PAYABLE', n.voided, 5000],
    ]);
    expect(day.exceptions.find((e) => e.kind === 'CALLBACK_UNKNOWN_NOTICE')!.caseNo).toBeUndefined();
    expect(day.exceptions.find((e) => e.noticeNo === n.partlyRefunded)!.detail).toBe('Case withdrawn (申请人撤回): 9000 fen paid, 3000 returned, 6000 fen still owed back.');
  });

  it('refuses a day that is not a calendar day or has not begun (422, every problem listed), and reads an empty day as zeros', async () => {
    await expect(svc.rpc.request(Rpc.fees.reconcileDay, { date: '2026-02-29' })).rejects.toMatchObject({
      status: 422,
      code: ErrorCodes.VALIDATION,
      details: { problems: [expect.objectContaining({ field: 'date', rule: 'isCalendarDate' })] },
    });
    await expect(svc.rpc.request(Rpc.fees.reconcileDay, {} as { date: string })).rejects.toMatchObject({ status: 422, details: { problems: [expect.objectContaining({ field: 'date', rule: 'isDefined' })] } });
    await expect(svc.rpc.request(Rpc.fees.reconcileDay, { date: '2999-01-01' })).rejects.toMatchObject({ status: 422, details: { problems: [expect.objectContaining({ field: 'date', rule: 'notInFuture' })] } });
    const empty = await svc.rpc.request(Rpc.fees.reconcileDay, { date: '2026-01-01' });
    expect(empty.totals.netFen).toBe(0);
    expect([empty.channels, empty.departments, empty.exceptions]).toEqual([[], [], []]);
  });

  /** The reply's figures from the raw rows of every table, by the definitions in #libs/contracts, in plain JS. */
  async function recompute() {
    type NoticeRow = { notice_no: string; case_no: string; items: Line[]; total_fen: string; status: string; issued_at: Date; expires_at: Date | null; closed_at: Date | null };
    type PaymentRow = { id: string; notice_no: string; amount_fen: string; channel: string; reference: string; applied: boolean; split: Split; paid_at: Date };
    type RefundRow = { refund_no: string; notice_no: string; payment_id: string | null; amount_fen: string; channel: string; split: Split; refunded_at: Date };
    type CallbackRow = { notice_no: string; amount_fen: string; channel: string; bank_reference: string; outcome: string; received_at: Date };
    const notices: NoticeRow[] = await svc.ds.query(`SELECT * FROM fees.payment_notices`);
    const payments: PaymentRow[] = await svc.ds.query(`SELECT * FROM fees.payments`);
    const refunds: RefundRow[] = await svc.ds.query(`SELECT * FROM fees.refunds`);
    const callbacks: CallbackRow[] = await svc.ds.query(`SELECT * FROM fees.bank_callbacks`);
    const payees: { department: string; department_name: string }[] = await svc.ds.query(`SELECT department, department_name FROM fees.payee_accounts`);
    const N = 5;
    const inDay = (t: Date | null) => t !== null && t >= START && t < END;
    const fen = (s: string | number) => Number(s);
    const zero = (): CountFen => ({ count: 0, fen: 0 });
    const add = (c: CountFen, f: number) => ({ count: c.count + 1, fen: c.fen + f });

    const issued = notices.filter((x) => inDay(x.issued_at));
    const voided = notices.filter((x) => x.status === 'VOID' && inDay(x.closed_at));
    const expired = notices.filter(
      (x) =>
        inDay(x.expires_at) &&
        (x.status === 'UNPAID' || (x.status === 'VOID' && x.closed_at! >= x.expires_at!)) &&
        !payments.some((p) => p.notice_no === x.notice_no && p.applied && p.paid_at < x.expires_at!),
    );
    const paid = payments.filter((p) => p.applied && inDay(p.paid_at));
    const doubles = payments.filter((p) => !p.applied && inDay(p.paid_at));
    const refunded = refunds.filter((r) => inDay(r.refunded_at));
    const splitSum = (s: Split) => s.reduce((t, e) => t + e.amountFen, 0);
    const sum = (rows: { amount_fen?: string; total_fen?: string }[]) => ({ count: rows.length, fen: rows.reduce((t, r) => t + fen(r.amount_fen ?? r.total_fen!), 0) });

    const departments = new Map<string, { department: string; departmentName?: string; issued: CountFen; paid: CountFen; refunded: CountFen; voided: CountFen; expired: CountFen; netFen: number }>();
    const dept = (code: string) => {
      if (!departments.has(code)) departments.set(code, { department: code, issued: zero(), paid: zero(), refunded: zero(), voided: zero(), expired: zero(), netFen: 0 });
      return departments.get(code)!;
    };
    const byLines = (rows: NoticeRow[], field: 'issued' | 'voided' | 'expired') => {
      for (const x of rows) {
        const perDept = new Map<string, number>();
        for (const l of x.items) {
          perDept.set(l.department, (perDept.get(l.department) ?? 0) + l.amountFen);
          if ('departmentName' in l && !dept(l.department).departmentName) dept(l.department).departmentName = l.departmentName;
        }
        for (const [d, f] of perDept) dept(d)[field] = add(dept(d)[field], f);
      }
    };
    byLines(issued, 'issued');
    byLines(voided, 'voided');
    byLines(expired, 'expired');
    const bySplit = (rows: { split: Split }[], field: 'paid' | 'refunded') => {
      for (const x of rows) {
        const perDept = new Map<string, number>();
        for (const s of x.split) perDept.set(s.department, (perDept.get(s.department) ?? 0) + s.amountFen);
        for (const [d, f] of perDept) dept(d)[field] = add(dept(d)[field], f);
      }
    };
    bySplit(paid, 'paid');
    bySplit(refunded, 'refunded');
    for (const p of payees) if (departments.has(p.department)) departments.get(p.department)!.departmentName = p.department_name;
    for (const d of departments.values()) {
      d.netFen = d.paid.fen - d.refunded.fen;
      if (d.departmentName === undefined) delete d.departmentName;
    }

    const channels = new Map<string, { channel: string; paid: CountFen; doublePaid: CountFen; refunded: CountFen; netFen: number }>();
    const chan = (c: string) => {
      if (!channels.has(c)) channels.set(c, { channel: c, paid: zero(), doublePaid: zero(), refunded: zero(), netFen: 0 });
      return channels.get(c)!;
    };
    for (const p of paid) chan(p.channel).paid = add(chan(p.channel).paid, fen(p.amount_fen));
    for (const p of doubles) chan(p.channel).doublePaid = add(chan(p.channel).doublePaid, fen(p.amount_fen));
    for (const r of refunded) chan(r.channel).refunded = add(chan(r.channel).refunded, fen(r.amount_fen));
    for (const c of channels.values()) c.netFen = c.paid.fen + c.doublePaid.fen - c.refunded.fen;

    const unallocated = { paid: zero(), doublePaid: sum(doubles), refunded: zero(), netFen: 0 };
    for (const p of paid) if (fen(p.amount_fen) !== splitSum(p.split)) unallocated.paid = add(unallocated.paid, fen(p.amount_fen) - splitSum(p.split));
    for (const r of refunded) if (fen(r.amount_fen) !== splitSum(r.split)) unallocated.refunded = add(unallocated.refunded, fen(r.amount_fen) - splitSum(r.split));
    unallocated.netFen = unallocated.paid.fen + unallocated.doublePaid.fen - unallocated.refunded.fen;

    const sorted = <T>(m: Map<string, T>) => [...m.keys()].sort().map((k) => m.get(k)!);
    const depts = sorted(departments);
    const totals = {
      issued: sum(issued),
      paid: sum(paid),
      doublePaid: sum(doubles),
      refunded: sum(refunded),
      voided: sum(voided),
      expired: sum(expired),
      departmentsNetFen: depts.reduce((t, d) => t + d.netFen, 0),
      netFen: sum(paid).fen + sum(doubles).fen - sum(refunded).fen,
    };

    // Exceptions, oldest first (the time each is dated by).
    const caseOf = (no: string) => notices.find((x) => x.notice_no === no)?.case_no;
    const overdueBefore = new Date(END.getTime() - N * DAY_MS);
    const exceptions: { kind: string; caseNo?: string; noticeNo: string; amountFen: number; channel?: string; reference?: string; at: Date }[] = [];
    for (const p of doubles) exceptions.push({ kind: 'DOUBLE_PAYMENT', caseNo: caseOf(p.notice_no), noticeNo: p.notice_no, amountFen: fen(p.amount_fen), channel: p.channel, reference: p.reference, at: p.paid_at });
    for (const c of callbacks.filter((c) => c.outcome !== 'PAID' && c.outcome !== 'DOUBLE_PAYMENT' && inDay(c.received_at))) {
      exceptions.push({ kind: `CALLBACK_${c.outcome}`, caseNo: caseOf(c.notice_no), noticeNo: c.notice_no, amountFen: fen(c.amount_fen), channel: c.channel, reference: c.bank_reference, at: c.received_at });
    }
    for (const x of notices.filter((x) => (x.status === 'REFUND_DUE' || x.status === 'REFUNDED') && x.closed_at! < overdueBefore)) {
      const paidFen = payments.filter((p) => p.notice_no === x.notice_no && p.applied && p.paid_at < END).reduce((t, p) => t + fen(p.amount_fen), 0);
      const doubleIds = new Set(payments.filter((p) => !p.applied).map((p) => p.id));
      const back = refunds.filter((r) => r.notice_no === x.notice_no && r.refunded_at < END && !(r.payment_id && doubleIds.has(r.payment_id))).reduce((t, r) => t + fen(r.amount_fen), 0);
      if (paidFen > back) exceptions.push({ kind: 'REFUND_OVERDUE', caseNo: x.case_no, noticeNo: x.notice_no, amountFen: paidFen - back, at: x.closed_at! });
    }
    for (const p of payments.filter((p) => !p.applied && p.paid_at < overdueBefore)) {
      const back = refunds.filter((r) => r.payment_id === p.id && r.refunded_at < END).reduce((t, r) => t + fen(r.amount_fen), 0);
      if (fen(p.amount_fen) > back) exceptions.push({ kind: 'REFUND_OVERDUE', caseNo: caseOf(p.notice_no), noticeNo: p.notice_no, amountFen: fen(p.amount_fen) - back, channel: p.channel, reference: p.reference, at: p.paid_at });
    }
    exceptions.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    return {
      totals,
      channels: sorted(channels),
      departments: depts,
      unallocated,
      exceptions: exceptions.map(({ at: _at, ...e }) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined))),
    } satisfies Omit<DailyReconciliation, 'date' | 'from' | 'to' | 'generatedAt' | 'refundOverdueDays' | 'exceptions'> & { exceptions: unknown[] };
  }
});
