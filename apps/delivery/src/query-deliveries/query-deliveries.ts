import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCodes, type DeliveryView, type PickupCodeView, type Problem } from '#libs/contracts';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { deliveryViews } from '../delivery/delivery-view.js';
import { DeliveryRepository, type DeliveryRow } from '../delivery/delivery.repository.js';

const STATUSES = ['READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED'];
const METHODS = ['WINDOW', 'COURIER'];

/** What the delivery window, the courier desk and the public status page read. */
@Injectable()
export class QueryDeliveries {
  constructor(
    private readonly ds: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly certificates: CertificateRepository,
  ) {}

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
    return this.views(await this.deliveries.list(query?.status, query?.method));
  }

  async ofCase(query: { caseNo?: string } | undefined): Promise<DeliveryView[]> {
    return this.views(await this.deliveries.ofCase(caseNoOf(query)));
  }

  /** Only while a window delivery waits to be collected; afterwards the code is spent and not shown again. */
  async pickupCode(query: { caseNo?: string } | undefined): Promise<PickupCodeView | null> {
    const row = await this.deliveries.readyForPickup(caseNoOf(query));
    return row ? { deliveryId: row.id, pickupCode: row.pickup_code } : null;
  }

  private async views(rows: DeliveryRow[]): Promise<DeliveryView[]> {
    return deliveryViews(rows, await this.certificates.ofCases(this.ds.manager, rows.map((r) => r.case_no)));
  }
}

function caseNoOf(query: { caseNo?: string } | undefined): string {
  const caseNo = query?.caseNo;
  if (typeof caseNo !== 'string' || caseNo.trim() === '') {
    throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'caseNo', rule: 'required', message: 'caseNo is required' }]);
  }
  return caseNo.trim();
}
