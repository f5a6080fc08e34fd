import { FeesModule } from '../../apps/fees/src/fees.module.js';
import { ErrorCodes, Events, Rpc, type Actor } from '#libs/contracts';
import { ofType, startOneService, type OneService } from '../support/one-service.js';
import { reTransferAccepted, testCaseNo } from '../support/upstream-events.js';

/**
 * 一次收费 on its own: fees in this process against real PostgreSQL and NATS, fed intake's CaseAccepted and routing's
 * CaseApproved on JetStream, and paid over request/reply as the finance window pays.
 */
describe('fees, driven through its handlers', () => {
  let svc: OneService;
  const clerk: Actor = { id: 'clerk1', role: 'CLERK' };
  const routing: Actor = { id: 'routing', role: 'SYSTEM' };
  const finance: Actor = { id: 'finance1', role: 'FINANCE' };
  // RE-TRANSFER, residential, one extra certificate: the registration fee and one copy fee.
  const LINES = [
    { code: 'REG-RES', name: '不动产登记费(住宅)', department: 'NRB', amountFen: 8000 },
    { code: 'CERT-COPY', name: '证书工本费(第二本起)', department: 'NRB', amountFen: 1000, quantity: 1 },
  ];

  beforeAll(async () => {
    svc = await startOneService('fees', (config) => FeesModule.register(config));
  }, 60_000);

  afterAll(async () => {
    await svc?.stop();
  }, 30_000);

  /** Accepted and approved: the notice is out. */
  async function noticeIssued(caseNo: string) {
    await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted(), clerk));
    const approved = svc.event(Events.CaseApproved, caseNo, {}, routing);
    await svc.deliver(approved);
    const notice = await svc.rpc.request(Rpc.fees.noticeOfCase, { caseNo });
    return { approved, notice: notice! };
  }

  const pay = (noticeNo: string, amountFen: number, reference: string) =>
    svc.rpc.request(Rpc.fees.recordPayment, { actor: finance, data: { noticeNo, amountFen, channel: 'POS', reference } });

  it('assesses at acceptance, issues one notice at approval, and settles the case when the finance window records the payment', async () => {
    const caseNo = testCaseNo();
    await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted(), clerk));
    const [assessment] = await svc.ds.query(`SELECT lines, total_fen, approved_at FROM fees.assessments WHERE case_no = $1`, [caseNo]);
    expect(assessment).toEqual({ lines: LINES, total_fen: '9000', approved_at: null });
    expect(await svc.emitted(caseNo)).toEqual([]);

    await svc.deliver(svc.event(Events.CaseApproved, caseNo, {}, routing));
    const notice = await svc.rpc.request(Rpc.fees.noticeOfCase, { caseNo });
    expect(notice).toMatchObject({ caseNo, items: LINES, totalFen: 9000, paidFen: 0, status: 'UNPAID' });
    expect(notice!.noticeNo).toMatch(/^PN\d{14,}[\dX]$/);
    const [issued] = ofType(await svc.emitted(caseNo), Events.NoticeIssued);
    expect(issued.data).toEqual({ noticeNo: notice!.noticeNo, items: LINES, totalFen: 9000, expiresAt: expect.any(String) });

    const paid = await pay(notice!.noticeNo, 9000, `POS-${caseNo}`);
    expect(paid).toMatchObject({ noticeNo: notice!.noticeNo, status: 'PAID', paidFen: 9000, totalFen: 9000 });
    const payments = await svc.ds.query(`SELECT amount_fen, channel, reference, recorded_by FROM fees.payments WHERE notice_no = $1`, [notice!.noticeNo]);
    expect(payments).toEqual([{ amount_fen: '9000', channel: 'POS', reference: `POS-${caseNo}`, recorded_by: 'finance1' }]);

    const emitted = await svc.emitted(caseNo);
    expect(emitted.map((e) => e.type)).toEqual([Events.NoticeIssued, Events.PaymentRecorded, Events.FeesSettled]);
    expect(ofType(emitted, Events.PaymentRecorded)[0]).toMatchObject({ actor: finance, data: { noticeNo: notice!.noticeNo, amountFen: 9000, channel: 'POS', reference: `POS-${caseNo}` } });
    expect(ofType(emitted, Events.FeesSettled)[0].data).toEqual({ reason: 'PAID', noticeNo: notice!.noticeNo, totalFen: 9000 });
  });

  it('settles a case that owes nothing at approval, without a notice', async () => {
    const caseNo = testCaseNo();
    await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted({ fees: [] }), clerk));
    await svc.deliver(svc.event(Events.CaseApproved, caseNo, {}, routing));
    expect(await svc.rpc.request(Rpc.fees.noticeOfCase, { caseNo })).toBeNull();
    const emitted = await svc.emitted(caseNo);
    expect(emitted.map((e) => [e.type, e.data])).toEqual([[Events.FeesSettled, { reason: 'NO_FEE', totalFen: 0 }]]);
  });

  it('refuses an amount other than what is owed (422) and a second payment (409), recording nothing for either', async () => {
    const caseNo = testCaseNo();
    const { notice } = await noticeIssued(caseNo);

    await expect(pay(notice.noticeNo, 8000, `POS-${caseNo}-short`)).rejects.toMatchObject({
      status: 422,
      code: ErrorCodes.PAYMENT_AMOUNT_MISMATCH,
      details: { problems: [expect.objectContaining({ field: 'amountFen', rule: 'equalsOutstanding' })] },
    });
    expect(await svc.rpc.request(Rpc.fees.noticeOfCase, { caseNo })).toMatchObject({ status: 'UNPAID', paidFen: 0 });
    expect((await svc.emitted(caseNo)).map((e) => e.type)).toEqual([Events.NoticeIssued]);

    await pay(notice.noticeNo, 9000, `POS-${caseNo}`);
    await expect(pay(notice.noticeNo, 9000, `POS-${caseNo}-again`)).rejects.toMatchObject({ status: 409, code: ErrorCodes.NOTICE_NOT_PAYABLE, details: { status: 'PAID' } });
    const [{ n }] = await svc.ds.query(`SELECT count(*)::int AS n FROM fees.payments WHERE notice_no = $1`, [notice.noticeNo]);
    expect(n).toBe(1);
    expect((await svc.emitted(caseNo)).map((e) => e.type)).toEqual([Events.NoticeIssued, Events.PaymentRecorded, Events.FeesSettled]);
  });

  it('handles a redelivered CaseApproved once: no second notice and no second NoticeIssued', async () => {
    const caseNo = testCaseNo();
    const { approved, notice } = await noticeIssued(caseNo);

    expect(await svc.redeliver(approved)).toEqual({ skippedByInbox: true });

    expect(await svc.inboxCount(approved.id)).toBe(1);
    const notices = await svc.ds.query(`SELECT notice_no, status FROM fees.payment_notices WHERE case_no = $1`, [caseNo]);
    expect(notices).toEqual([{ notice_no: notice.noticeNo, status: 'UNPAID' }]);
    expect((await svc.emitted(caseNo)).map((e) => e.type)).toEqual([Events.NoticeIssued]);
  });
});
