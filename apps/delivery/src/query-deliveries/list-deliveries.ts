import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, checkCommand, ErrorCodes, ListDeliveriesSchema, type DeliveriesPage, type DeliveryView } from '#libs/contracts';
import { decodeCursor, pageSize, paginate } from '#libs/persistence';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { deliveryViews } from '../delivery/delivery-view.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { TrackingRepository } from '../track-delivery/tracking.repository.js';

/**
 * The queue of the delivery window and the courier desk, oldest first (it is worked in the order results became
 * ready), a page at a time: `{items, nextCursor}` like the worklist.
 */
@Injectable()
export class ListDeliveries {
  constructor(
    private readonly ds: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly certificates: CertificateRepository,
    private readonly tracking: TrackingRepository,
  ) {}

  async execute(query: unknown): Promise<DeliveriesPage<DeliveryView>> {
    const q = checkCommand(ListDeliveriesSchema, query);
    const after = q.cursor == null ? undefined : (decodeCursor(q.cursor) ?? undefined);
    if (q.cursor != null && !after) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'cursor', rule: 'isCursor', message: 'cursor must be a nextCursor from an earlier page.' }]);
    }
    const limit = pageSize(q.limit)!;
    const rows = await this.deliveries.page({ status: q.status ?? undefined, method: q.method ?? undefined, after }, limit);
    const { page, nextCursor } = paginate(rows, limit, (r) => ({ at: r.created_key, id: r.id }));
    const [certificates, tracking] = await Promise.all([
      this.certificates.ofCases(this.ds.manager, page.map((r) => r.case_no)),
      this.tracking.ofDeliveries(this.ds.manager, page.map((r) => r.id)),
    ]);
    return { items: deliveryViews(page, certificates, tracking), nextCursor };
  }
}
