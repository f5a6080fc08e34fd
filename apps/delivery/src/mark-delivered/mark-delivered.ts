import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, Events, type Command, type DeliveredRequest, type DeliveryView } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { commandProblems } from '../delivery/command-checks.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { wrongMethod, wrongState } from '../delivery/delivery-errors.js';
import { deliveryView } from '../delivery/delivery-view.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';

/** The carrier reports the parcel signed for: DISPATCHED → DELIVERED, with who signed. */
@Injectable()
export class MarkDelivered {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly certificates: CertificateRepository,
  ) {}

  async execute(cmd: Command<DeliveredRequest>, correlationId: string): Promise<DeliveryView> {
    const problems = commandProblems(cmd, { signedBy: 64 });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    const { deliveryId, signedBy } = cmd.data;
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const row = await this.deliveries.lock(tx.manager, deliveryId.trim());
      // A window delivery is never dispatched; it is released by pickup, with the code and the ID check.
      if (row.method !== 'COURIER') throw wrongMethod(row, 'COURIER');
      if (row.status !== 'DISPATCHED') throw wrongState(row, 'DISPATCHED');
      const updated = await this.deliveries.deliver(tx.manager, row, signedBy.trim());
      tx.emit(Events.DeliveryDelivered, row.case_no, { deliveryId: row.id, method: 'COURIER', signedBy: updated.signed_by! });
      return deliveryView(updated, await this.certificates.ofCases(tx.manager, [updated.case_no]));
    });
  }
}
