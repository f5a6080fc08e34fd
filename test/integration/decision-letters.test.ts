import { DeliveryModule } from '../../apps/delivery/src/delivery.module.js';
import { mod11_2 } from '#libs/checks';
import { ErrorCodes, Events, Rpc, type Actor, type TaskDecidedData } from '#libs/contracts';
import { ofType, startOneService, type OneService } from '../support/one-service.js';
import { reTransferAccepted, testCaseNo } from '../support/upstream-events.js';

/**
 * 不予许可决定书 in the delivery service on its own: approval's TaskDecided (two departments of a parallel stage both
 * rejecting) and routing's CaseRejected on JetStream, in either order, make one numbered letter with both reasons and
 * the remedies, in one READY delivery the way the applicant asked; redelivered or duplicated events change nothing.
 */
describe('decision letters, driven through delivery’s handlers', () => {
  let svc: OneService;
  const clerk: Actor = { id: 'clerk1', role: 'CLERK' };
  const hud: Actor = { id: 'rep.hud', role: 'CHIEF_REP', department: 'HUD' };
  const tax: Actor = { id: 'rep.tax', role: 'CHIEF_REP', department: 'TAX' };
  const routing: Actor = { id: 'routing', role: 'SYSTEM' };

  beforeAll(async () => {
    svc = await startOneService('delivery', (config) => DeliveryModule.register(config));
  }, 60_000);

  afterAll(async () => {
    await svc?.stop();
  }, 30_000);

  const reject = (taskId: string, department: string, opinion: string): TaskDecidedData => ({ taskId, stage: 1, department, decision: 'REJECT', opinion });
  const HUD_REASON = '该房屋已被司法查封，不得办理转移登记';
  const TAX_REASON = '契税申报价格明显低于市场评估价，且未说明正当理由';

  it('a rejection with two departments’ reasons gets one numbered letter listing both, with the remedies, delivered as the applicant asked; once under redelivery', async () => {
    const caseNo = testCaseNo();
    const accepted = svc.event(Events.CaseAccepted, caseNo, reTransferAccepted({ delivery: { method: 'WINDOW' } }), clerk);
    const hudRejects = svc.event(Events.TaskDecided, caseNo, reject('0193a1b2-7c3d-7e4f-8a9b-000000000001', 'HUD', HUD_REASON), hud);
    const taxRejects = svc.event(Events.TaskDecided, caseNo, reject('0193a1b2-7c3d-7e4f-8a9b-000000000002', 'TAX', TAX_REASON), tax);
    const approves = svc.event(Events.TaskDecided, caseNo, { taskId: '0193a1b2-7c3d-7e4f-8a9b-000000000003', stage: 1, department: 'NRB', decision: 'APPROVE', opinion: '同意' });
    const rejected = svc.event(Events.CaseRejected, caseNo, { stage: 1, department: 'HUD', opinion: HUD_REASON }, routing);
    await svc.deliver(accepted, hudRejects, approves);
    await svc.deliver(rejected);
    // TAX's rejection was made before approval cancelled its task, and arrives after the case was rejected.
    await svc.deliver(taxRejects);

    const letter = await svc.rpc.request(Rpc.delivery.decisionLetterOfCase, { caseNo });
    const m = /^JD(\d{14})([\dX])$/.exec(letter.letterNo)!;
    expect(mod11_2(m[1])).toBe(m[2]);
    expect(letter).toMatchObject({
      caseNo,
      itemName: '不动产转移登记(存量房买卖)',
      applicantName: '张三',
      centerCode: '510704-C01',
      issuedAt: expect.stringMatching(/\+08:00$/),
      delivery: { method: 'WINDOW', status: 'READY', pickupCenter: '510704-C01' },
    });
    expect(letter.reasons.map((r) => [r.department, r.reason])).toEqual(
      expect.arrayContaining([
        ['HUD', HUD_REASON],
        ['TAX', TAX_REASON],
      ]),
    );
    expect(letter.reasons).toHaveLength(2);
    expect(letter.remedies.join('')).toMatch(/六十日内.*行政复议法.*本级人民政府或者上一级主管部门.*行政复议/);
    expect(letter.remedies.join('')).toMatch(/六个月内.*行政诉讼法.*行政诉讼/);

    // The letter's delivery is an ordinary delivery: on the case's list, READY at the window, with a pickup code.
    const [delivery] = await svc.rpc.request(Rpc.delivery.deliveriesOfCase, { caseNo });
    expect(delivery).toMatchObject({ deliveryId: letter.delivery.deliveryId, method: 'WINDOW', status: 'READY', certificates: [] });
    const [row] = await svc.ds.query(`SELECT pickup_code FROM delivery.deliveries WHERE id = $1`, [delivery.deliveryId]);
    expect(row.pickup_code).toMatch(/^\d{6}$/);

    const issued = () => svc.emitted(caseNo).then((es) => es.filter((e) => e.type === Events.DecisionLetterIssued || e.type === Events.DeliveryReady));
    const first = await issued();
    expect(first.map((e) => e.type)).toEqual([Events.DecisionLetterIssued, Events.DeliveryReady]);
    expect(ofType(first, Events.DecisionLetterIssued)[0].data).toEqual({ letterNo: letter.letterNo, deliveryId: delivery.deliveryId, method: 'WINDOW', departments: ['HUD'] });

    // Redelivered (the inbox turns them away) and duplicated under new event ids (the handlers are idempotent).
    expect(await svc.redeliver(rejected)).toEqual({ skippedByInbox: true });
    expect(await svc.redeliver(taxRejects)).toEqual({ skippedByInbox: true });
    await svc.deliver(svc.event(Events.CaseRejected, caseNo, rejected.data, routing), svc.event(Events.TaskDecided, caseNo, taxRejects.data, tax));

    expect(await issued()).toEqual(first);
    const count = async (sql: string) => Number((await svc.ds.query(sql, [caseNo]))[0].n);
    expect(await count(`SELECT count(*) AS n FROM delivery.decision_letters WHERE case_no = $1`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM delivery.deliveries WHERE case_no = $1`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM delivery.rejection_reasons WHERE case_no = $1`)).toBe(2);
    expect((await svc.rpc.request(Rpc.delivery.decisionLetterOfCase, { caseNo })).letterNo).toBe(letter.letterNo);
  });

  it('waits for the acceptance when the rejection overtakes it, and sends a courier applicant’s letter by courier', async () => {
    const caseNo = testCaseNo();
    const rejected = svc.event(Events.CaseRejected, caseNo, { stage: 1, department: 'TAX', opinion: TAX_REASON }, routing);
    const seq = await svc.publish(rejected);
    await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted(), clerk));
    await svc.handled(Events.CaseRejected, seq[0]);

    const letter = await svc.rpc.request(Rpc.delivery.decisionLetterOfCase, { caseNo });
    expect(letter.reasons).toEqual([{ stage: 1, department: 'TAX', reason: TAX_REASON, decidedAt: expect.stringMatching(/\+08:00$/) }]);
    expect(letter.delivery).toMatchObject({ method: 'COURIER', status: 'READY' });
    const [delivery] = await svc.rpc.request(Rpc.delivery.deliveriesOfCase, { caseNo });
    expect(delivery).toMatchObject({ method: 'COURIER', recipient: '张三' });
  });

  it('has no letter for a case that was not rejected (404)', async () => {
    await expect(svc.rpc.request(Rpc.delivery.decisionLetterOfCase, { caseNo: testCaseNo() })).rejects.toMatchObject({
      status: 404,
      code: ErrorCodes.DECISION_LETTER_NOT_FOUND,
    });
  });
});
