import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCodes, type DeliveryView, type Problem } from '#libs/contracts';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { deliveryViews } from '../delivery/delivery-view.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';

const STATUSES = ['READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED'];
const METHODS = ['WINDOW', 'COURIER'];

/** The queue of the delivery window and the courier desk, oldest first: it is worked in the order results became ready. */
@Injectable()
export class ListDeliveries {
  constructor(
    private readonly ds: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly certificates: CertificateRepository,
  ) {}

  async execute(query: { status?: string; method?: string } | undefined): Promise<DeliveryView[]> {
    const problems: Problem[] = [];
    if (query?.status !== undefined && !STATUSES.includes(query.status)) {
      problems.push({ field: 'status', rule: 'isIn', message: `status is one of ${STATUSES.join(', ')}` });
    }
    if (query?.method !== undefined && !METHODS.includes(query.method)) {
      problems.push({ field: 'method', rule: 'isIn', message: `method is one of ${METHODS.join(', ')}` });
    }
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    const rows = await this.deliveries.list(query?.status, query?.method);
    return deliveryViews(rows, await this.certificates.ofCases(this.ds.manager, rows.map((r) => r.case_no)));
  }
}
