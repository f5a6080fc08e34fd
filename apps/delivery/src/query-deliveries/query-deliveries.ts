import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCodes, type DeliveryView, type PickupCodeView, type Problem } from '#libs/contracts';
import { queryOne, queryRows } from '#libs/persistence';
import { DELIVERY_COLUMNS, type DeliveryRow } from '../delivery/delivery-row.js';
import { deliveryViews } from '../delivery/delivery-view.js';

const STATUSES = ['READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED'];
const METHODS = ['WINDOW', 'COURIER'];

/** What the delivery window, the courier desk and the public status page read. */
@Injectable()
export class QueryDeliveries {
  constructor(private readonly ds: DataSource) {}

  /** Oldest first: the queue is worked in the order results became ready. */
  async list(query: { status?: string; method?: string } | undefined): Promise<DeliveryView[]> {
    const problems: Problem[] = [];
    if (query?.status !== undefined && !STATUSES.includes(query.status)) {
      problems.push({ field: 'status', rule: 'isIn', message: `status is one of ${STATUSES.join(', ')}` });
    }
    if (query?.method !== undefined && !METHODS.includes(query.method)) {
      problems.push({ field: 'method', rule: 'isIn', message: `method is one of ${METHODS.join(', ')}` });
    }
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    const rows = await queryRows<DeliveryRow>(
      this.ds.manager,
      `SELECT ${DELIVERY_COLUMNS} FROM delivery.deliveries
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR method = $2)
        ORDER BY created_at, id`,
      [query?.status ?? null, query?.method ?? null],
    );
    return deliveryViews(this.ds.manager, rows);
  }

  async ofCase(query: { caseNo?: string } | undefined): Promise<DeliveryView[]> {
    const rows = await queryRows<DeliveryRow>(
      this.ds.manager,
      `SELECT ${DELIVERY_COLUMNS} FROM delivery.deliveries WHERE case_no = $1 ORDER BY created_at, id`,
      [caseNoOf(query)],
    );
    return deliveryViews(this.ds.manager, rows);
  }

  /** Only while a window delivery waits to be collected; afterwards the code is spent and not shown again. */
  async pickupCode(query: { caseNo?: string } | undefined): Promise<PickupCodeView | null> {
    const row = await queryOne<{ id: string; pickup_code: string }>(
      this.ds.manager,
      `SELECT id, pickup_code FROM delivery.deliveries WHERE case_no = $1 AND method = 'WINDOW' AND status = 'READY'`,
      [caseNoOf(query)],
    );
    return row ? { deliveryId: row.id, pickupCode: row.pickup_code } : null;
  }
}

function caseNoOf(query: { caseNo?: string } | undefined): string {
  const caseNo = query?.caseNo;
  if (typeof caseNo !== 'string' || caseNo.trim() === '') {
    throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required' }]);
  }
  return caseNo.trim();
}
