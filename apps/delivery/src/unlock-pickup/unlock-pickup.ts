import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, Events, type Command, type DeliveryView, type UnlockPickupRequest } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { commandProblems } from '../delivery/command-checks.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { wrongState } from '../delivery/delivery-errors.js';
import { deliveryView } from '../delivery/delivery-view.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { awaitsWindowPickup, MAX_FAILED_PICKUPS } from '../pickup/pickup-check.js';

/**
 * After five wrong pickup attempts a delivery is locked (someone may be guessing). A supervisor who has checked the
 * applicant's documents in person lets the window try again; the reason is kept on the timeline.
 */
@Injectable()
export class UnlockPickup {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly certificates: CertificateRepository,
  ) {}

  async execute(cmd: Command<UnlockPickupRequest>, correlationId: string): Promise<DeliveryView> {
    const problems = commandProblems(cmd, { reason: 500 });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const row = await this.deliveries.lock(tx.manager, cmd.data.deliveryId.trim());
      if (!awaitsWindowPickup(row)) throw wrongState(row, 'READY');
      if (row.failed_pickups < MAX_FAILED_PICKUPS) {
        throw AppError.conflict(ErrorCodes.PICKUP_NOT_LOCKED, `Delivery ${row.id} is not locked (${row.failed_pickups} failed attempts).`);
      }
      const updated = await this.deliveries.resetFailedPickups(tx.manager, row.id);
      tx.emit(Events.PickupUnlocked, row.case_no, {
        deliveryId: row.id,
        failedAttempts: row.failed_pickups,
        reason: cmd.data.reason.trim(),
      });
      return deliveryView(updated, await this.certificates.ofCases(tx.manager, [updated.case_no]));
    });
  }
}
