import { DeliveryModule } from '../../apps/delivery/src/delivery.module.js';
import { ErrorCodes, Events, Rpc, type Actor, type FeesSettledData } from '#libs/contracts';
import { ofType, startOneService, type OneService } from '../support/one-service.js';
import { reTransferAccepted, testCaseNo } from '../support/upstream-events.js';

/**
 * 综合窗口出件 on its own: delivery in this process against real PostgreSQL and NATS, fed intake's CaseAccepted and
 * fees' FeesSettled on JetStream, and driven over request/reply as the courier desk drives it.
 */
describe('delivery, driven through its handlers', () => {
  let svc: OneService;
  const clerk: Actor = { id: 'clerk1', role: 'CLERK' };
  const finance: Actor = { id: 'finance1', role: 'FINANCE' };
  const courier: Actor = { id: 'courier1', role: 'COURIER' };
  const settledData: FeesSettledData = { reason: 'PAID', noticeNo: 'PN20261123000001', totalFen: 9000 };

  beforeAll(async () => {
    svc = await startOneService('delivery', (config) => DeliveryModule.register(config));
  }, 60_000);

  afterAll(async () => {
    await svc?.stop();
  }, 30_000);

  /** A RE-TRANSFER case (one certificate, by courier) accepted and paid for: its delivery is READY. */
  async function readyCase() {
    const caseNo = testCaseNo();
    const settled = svc.event(Events.FeesSettled, caseNo, settledData, finance);
    await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted(), clerk), settled);
    const [delivery] = await svc.rpc.request(Rpc.delivery.deliveriesOfCase, { caseNo });
    return { caseNo, settled, delivery };
  }

  const dispatch = (deliveryId: string, waybillNo = 'EMS1234567890') =>
    svc.rpc.request(Rpc.delivery.dispatch, { actor: courier, data: { deliveryId, carrier: 'EMS', waybillNo } });
  const delivered = (deliveryId: string) => svc.rpc.request(Rpc.delivery.markDelivered, { actor: courier, data: { deliveryId, signedBy: '张三' } });

  it('issues the certificates and a READY delivery once the case is known and settled, whichever came first, then dispatches and delivers it', async () => {
    const caseNo = testCaseNo();
    // The settlement overtakes the acceptance (another stream): it is retried until the case profile is there.
    const settled = svc.event(Events.FeesSettled, caseNo, settledData, finance);
    const settledSeq = await svc.publish(settled);
    await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted(), clerk));
    await svc.handled(Events.FeesSettled, settledSeq[0]);

    const certificates = await svc.ds.query(`SELECT certificate_no, name, department FROM delivery.certificates WHERE case_no = $1`, [caseNo]);
    // Numbered per result type with a check character (certificates.test.ts has the details).
    expect(certificates).toEqual([{ certificate_no: expect.stringMatching(/^NRB-\d{13}[\dX]$/), name: '不动产权证书', department: 'NRB' }]);
    const certificateNo: string = certificates[0].certificate_no;
    const [ready] = await svc.rpc.request(Rpc.delivery.deliveriesOfCase, { caseNo });
    expect(ready).toMatchObject({
      caseNo,
      method: 'COURIER',
      status: 'READY',
      recipient: '张三',
      address: '示范区人民路1号',
      certificates: [{ certificateNo, name: '不动产权证书', department: 'NRB' }],
    });
    let emitted = await svc.emitted(caseNo);
    expect(emitted.map((e) => e.type)).toEqual([Events.CertificatesIssued, Events.DeliveryReady]);
    expect(ofType(emitted, Events.DeliveryReady)[0].data).toEqual({ deliveryId: ready.deliveryId, method: 'COURIER' });

    expect(await dispatch(ready.deliveryId)).toMatchObject({ status: 'DISPATCHED', carrier: 'EMS', waybillNo: 'EMS1234567890' });
    expect(await delivered(ready.deliveryId)).toMatchObject({ status: 'DELIVERED', signedBy: '张三' });
    const [row] = await svc.ds.query(`SELECT status, carrier, signed_by FROM delivery.deliveries WHERE id = $1`, [ready.deliveryId]);
    expect(row).toEqual({ status: 'DELIVERED', carrier: 'EMS', signed_by: '张三' });

    emitted = await svc.emitted(caseNo);
    expect(emitted.map((e) => e.type)).toEqual([Events.CertificatesIssued, Events.DeliveryReady, Events.DeliveryDispatched, Events.DeliveryDelivered]);
    expect(ofType(emitted, Events.DeliveryDispatched)[0]).toMatchObject({ actor: courier, data: { deliveryId: ready.deliveryId, carrier: 'EMS', waybillNo: 'EMS1234567890' } });
    expect(ofType(emitted, Events.DeliveryDelivered)[0].data).toEqual({ deliveryId: ready.deliveryId, method: 'COURIER', signedBy: '张三' });
  });

  it('refuses to mark a parcel delivered before it left (409) and to dispatch it twice (409), emitting nothing for either', async () => {
    const { caseNo, delivery } = await readyCase();
    await expect(delivered(delivery.deliveryId)).rejects.toMatchObject({
      status: 409,
      code: ErrorCodes.DELIVERY_WRONG_STATE,
      details: { status: 'READY', expected: 'DISPATCHED' },
    });
    await dispatch(delivery.deliveryId);
    await expect(dispatch(delivery.deliveryId, 'SF0000000001')).rejects.toMatchObject({ status: 409, code: ErrorCodes.DELIVERY_WRONG_STATE, details: { status: 'DISPATCHED' } });

    const [row] = await svc.ds.query(`SELECT status, waybill_no FROM delivery.deliveries WHERE id = $1`, [delivery.deliveryId]);
    expect(row).toEqual({ status: 'DISPATCHED', waybill_no: 'EMS1234567890' });
    expect((await svc.emitted(caseNo)).map((e) => e.type)).toEqual([Events.CertificatesIssued, Events.DeliveryReady, Events.DeliveryDispatched]);
  });

  it('handles a redelivered FeesSettled once: no second delivery, no second certificates, nothing emitted', async () => {
    const { caseNo, settled, delivery } = await readyCase();

    expect(await svc.redeliver(settled)).toEqual({ skippedByInbox: true });

    expect(await svc.inboxCount(settled.id)).toBe(1);
    const deliveries = await svc.ds.query(`SELECT id, status FROM delivery.deliveries WHERE case_no = $1`, [caseNo]);
    expect(deliveries).toEqual([{ id: delivery.deliveryId, status: 'READY' }]);
    const [{ n }] = await svc.ds.query(`SELECT count(*)::int AS n FROM delivery.certificates WHERE case_no = $1`, [caseNo]);
    expect(n).toBe(1);
    expect((await svc.emitted(caseNo)).map((e) => e.type)).toEqual([Events.CertificatesIssued, Events.DeliveryReady]);
  });
});
