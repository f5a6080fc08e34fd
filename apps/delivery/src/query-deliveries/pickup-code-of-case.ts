import { Injectable } from '@nestjs/common';
import type { PickupCodeView } from '#libs/contracts';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { caseNoOf } from './case-no-query.js';

/** For the public status page: only while a window delivery waits to be collected; afterwards the code is spent and not shown again. */
@Injectable()
export class PickupCodeOfCase {
  constructor(private readonly deliveries: DeliveryRepository) {}

  async execute(query: { caseNo?: string } | undefined): Promise<PickupCodeView | null> {
    const row = await this.deliveries.readyForPickup(caseNoOf(query));
    return row ? { deliveryId: row.id, pickupCode: row.pickup_code } : null;
  }
}
