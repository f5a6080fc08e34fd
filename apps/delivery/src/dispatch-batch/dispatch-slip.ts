import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCodes, type DispatchBatchView } from '#libs/contracts';
import { isDeliveryId } from '../delivery/command-checks.js';
import { DispatchBatchRepository } from './dispatch-batch.repository.js';
import { dispatchBatchView } from './dispatch-batch-view.js';

/** The dispatch list (交接清单) of a batch, for the courier desk to print: the one answer with the phones in full. */
@Injectable()
export class DispatchSlip {
  constructor(
    private readonly ds: DataSource,
    private readonly batches: DispatchBatchRepository,
  ) {}

  async execute(query: { batchId?: string } | undefined): Promise<DispatchBatchView> {
    const batchId = typeof query?.batchId === 'string' ? query.batchId.trim() : '';
    const batch = isDeliveryId(batchId) ? await this.batches.get(this.ds.manager, batchId) : undefined;
    if (!batch) throw AppError.notFound(ErrorCodes.DISPATCH_BATCH_NOT_FOUND, `No dispatch batch ${batchId}.`);
    return dispatchBatchView(batch, await this.batches.items(this.ds.manager, batch.id), true);
  }
}
