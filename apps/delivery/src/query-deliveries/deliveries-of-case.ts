import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DeliveryView } from '#libs/contracts';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { deliveryViews } from '../delivery/delivery-view.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { TrackingRepository } from '../track-delivery/tracking.repository.js';
import { caseNoOf } from './case-no-query.js';

/** A case's deliveries with their certificates, for the case view. */
@Injectable()
export class DeliveriesOfCase {
  constructor(
    private readonly ds: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly certificates: CertificateRepository,
    private readonly tracking: TrackingRepository,
  ) {}

  async execute(query: { caseNo?: string } | undefined): Promise<DeliveryView[]> {
    const rows = await this.deliveries.ofCase(caseNoOf(query));
    const [certificates, tracking] = await Promise.all([
      this.certificates.ofCases(this.ds.manager, rows.map((r) => r.case_no)),
      this.tracking.ofDeliveries(this.ds.manager, rows.map((r) => r.id)),
    ]);
    return deliveryViews(rows, certificates, tracking);
  }
}
