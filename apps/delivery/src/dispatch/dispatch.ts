import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, Events, type Command, type DeliveryDispatchedData, type DeliveryView, type DispatchRequest } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { commandProblems } from '../delivery/command-checks.js';
import { lockDelivery, transition, wrongMethod, wrongState } from '../delivery/delivery-store.js';
import { deliveryView } from '../delivery/delivery-view.js';

/** The courier desk hands a parcel to the carrier: READY → DISPATCHED, with the waybill to track it by. */
@Injectable()
export class Dispatch {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(cmd: Command<DispatchRequest>, correlationId: string): Promise<DeliveryView> {
    const problems = commandProblems(cmd, { carrier: 64, waybillNo: 64 });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    const { deliveryId, carrier, waybillNo } = cmd.data;
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const row = await lockDelivery(tx, deliveryId.trim());
      if (row.method !== 'COURIER') throw wrongMethod(row, 'COURIER');
      if (row.status !== 'READY') throw wrongState(row, 'READY');
      const updated = await transition(tx, row, 'DISPATCHED', 'carrier = $5, waybill_no = $6, dispatched_at = now()', [carrier.trim(), waybillNo.trim()]);
      tx.emit<DeliveryDispatchedData>(Events.DeliveryDispatched, row.case_no, {
        deliveryId: row.id,
        carrier: updated.carrier!,
        waybillNo: updated.waybill_no!,
      });
      return deliveryView(tx.manager, updated);
    });
  }
}
