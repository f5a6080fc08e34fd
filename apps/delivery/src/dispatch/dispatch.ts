import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, Events, type Command, type DeliveryView, type DispatchRequest } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { commandProblems } from '../delivery/command-checks.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { wrongMethod, wrongState } from '../delivery/delivery-errors.js';
import { deliveryView } from '../delivery/delivery-view.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';

/** The courier desk hands a parcel to the carrier: READY → DISPATCHED, with the waybill to track it by. */
@Injectable()
export class Dispatch {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly certificates: CertificateRepository,
  ) {}

  async execute(cmd: Command<DispatchRequest>, correlationId: string): Promise<DeliveryView> {
    const problems = commandProblems(cmd, { carrier: 64, waybillNo: 64 });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    const { deliveryId, carrier, waybillNo } = cmd.data;
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const row = await this.deliveries.lock(tx.manager, deliveryId.trim());
      if (row.method !== 'COURIER') throw wrongMethod(row, 'COURIER');
      if (row.status !== 'READY') throw wrongState(row, 'READY');
      const updated = await this.deliveries.dispatch(tx.manager, row, carrier.trim(), waybillNo.trim());
      tx.emit(Events.DeliveryDispatched, row.case_no, {
        deliveryId: row.id,
        carrier: updated.carrier!,
        waybillNo: updated.waybill_no!,
      });
      return deliveryView(updated, await this.certificates.ofCases(tx.manager, [updated.case_no]));
    });
  }
}
