import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, Events, type Command, type DeliveryView, type PickupUnlockedData, type UnlockPickupRequest } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { queryRows } from '#libs/persistence';
import { commandProblems } from '../delivery/command-checks.js';
import type { DeliveryRow } from '../delivery/delivery-row.js';
import { lockDelivery, wrongState } from '../delivery/delivery-store.js';
import { deliveryView } from '../delivery/delivery-view.js';
import { MAX_FAILED_PICKUPS } from '../pickup/pickup-check.js';

/**
 * After five wrong pickup attempts a delivery is locked (someone may be guessing). A supervisor who has checked the
 * applicant's documents in person lets the window try again; the reason is kept on the timeline.
 */
@Injectable()
export class UnlockPickup {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(cmd: Command<UnlockPickupRequest>, correlationId: string): Promise<DeliveryView> {
    const problems = commandProblems(cmd, { reason: 500 });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const row = await lockDelivery(tx, cmd.data.deliveryId.trim());
      if (row.status !== 'READY' || row.method !== 'WINDOW') throw wrongState(row, 'READY');
      if (row.failed_pickups < MAX_FAILED_PICKUPS) {
        throw AppError.conflict(ErrorCodes.PICKUP_NOT_LOCKED, `Delivery ${row.id} is not locked (${row.failed_pickups} failed attempts).`);
      }
      const [updated] = await queryRows<DeliveryRow>(
        tx.manager,
        `UPDATE delivery.deliveries SET failed_pickups = 0, version = version + 1 WHERE id = $1 RETURNING *`,
        [row.id],
      );
      tx.emit<PickupUnlockedData>(Events.PickupUnlocked, row.case_no, {
        deliveryId: row.id,
        failedAttempts: row.failed_pickups,
        reason: cmd.data.reason.trim(),
      });
      return deliveryView(tx.manager, updated);
    });
  }
}
