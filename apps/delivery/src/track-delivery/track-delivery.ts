import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { AppError, checkActorCommand, ErrorCodes, Events, TrackingSchema, type Command, type DeliveryView } from '#libs/contracts';
import { newId, UnitOfWork, type Tx } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { CaseProfileRepository } from '../case-profile/case-profile.repository.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { wrongMethod, wrongState } from '../delivery/delivery-errors.js';
import { deliveryView } from '../delivery/delivery-view.js';
import { DeliveryRepository, type DeliveryRow } from '../delivery/delivery.repository.js';
import { newPickupCode } from '../issue-certificates/certificate-issue.js';
import { afterFailure, trackingTimeProblem } from './retry-rule.js';
import { TrackingRepository } from './tracking.repository.js';

/**
 * The carrier's report on a DISPATCHED courier parcel (POST /deliveries/{id}/tracking). IN_TRANSIT and
 * OUT_FOR_DELIVERY are recorded; FAILED also moves the delivery: back to READY for a new batch while attempts are
 * left (DELIVERY_MAX_ATTEMPTS), else RETURNED_TO_WINDOW at the accepting center with a pickup code. Every failure is
 * told (delivery.delivery.failed.v1), the return too (delivery.delivery.returned-to-window.v1).
 */
@Injectable()
export class TrackDelivery {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly tracking: TrackingRepository,
    private readonly profiles: CaseProfileRepository,
    private readonly certificates: CertificateRepository,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async execute(cmd: Command<unknown>, correlationId: string): Promise<DeliveryView> {
    const input = checkActorCommand(TrackingSchema, cmd, cmd?.data);
    const at = new Date(input.at);
    const note = input.note?.trim() || null;
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const row = await this.deliveries.lock(tx.manager, input.deliveryId);
      if (row.method !== 'COURIER') throw wrongMethod(row, 'COURIER');
      if (row.status !== 'DISPATCHED') throw wrongState(row, 'DISPATCHED');
      const timeProblem = trackingTimeProblem(at, row.dispatched_at, new Date());
      if (timeProblem) throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'at', rule: 'plausibleTime', message: timeProblem }]);
      await this.tracking.add(tx.manager, {
        id: newId(),
        deliveryId: row.id,
        status: input.status,
        at: at.toISOString(),
        note,
        waybillNo: row.waybill_no,
        attempt: row.failed_attempts + 1,
        recordedBy: cmd.actor.id,
      });
      const updated = input.status === 'FAILED' ? await this.fail(tx, row, at, note) : row;
      return deliveryView(updated, await this.certificates.ofCases(tx.manager, [row.case_no]), await this.tracking.ofDeliveries(tx.manager, [row.id]));
    });
  }

  private async fail(tx: Tx, row: DeliveryRow, at: Date, note: string | null): Promise<DeliveryRow> {
    const maxAttempts = this.config.deliveryMaxAttempts;
    const { attempt, next } = afterFailure(row.failed_attempts, maxAttempts);
    let updated: DeliveryRow;
    if (next === 'READY') {
      updated = await this.deliveries.failForRetry(tx.manager, row);
    } else {
      const profile = await this.profiles.lockAndRead(tx.manager, row.case_no);
      // 就近办: back to the center that accepted the case.
      const pickupCenter = profile?.center_code;
      if (!pickupCenter) throw new Error(`no case profile for case ${row.case_no}`);
      updated = await this.deliveries.returnToWindow(tx.manager, row, newPickupCode(), pickupCenter);
    }
    tx.emit(Events.DeliveryFailed, row.case_no, {
      deliveryId: row.id,
      carrier: row.carrier ?? '',
      waybillNo: row.waybill_no ?? '',
      attempt,
      maxAttempts,
      next,
      at: at.toISOString(),
      ...(note ? { note } : {}),
    });
    if (next === 'RETURNED_TO_WINDOW') {
      tx.emit(Events.DeliveryReturnedToWindow, row.case_no, { deliveryId: row.id, pickupCenter: updated.pickup_center!, attempts: attempt });
    }
    return updated;
  }
}
