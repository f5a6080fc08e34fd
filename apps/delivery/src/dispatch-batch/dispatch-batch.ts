import { Injectable } from '@nestjs/common';
import { AppError, checkActorCommand, DispatchBatchSchema, ErrorCodes, Events, type Command, type DispatchBatchView, type Problem } from '#libs/contracts';
import { newId, UnitOfWork } from '#libs/messaging';
import { DeliveryRepository, type DeliveryRow } from '../delivery/delivery.repository.js';
import { DispatchBatchRepository } from './dispatch-batch.repository.js';
import { dispatchBatchView } from './dispatch-batch-view.js';
import { newWaybillNo } from './waybill-number.js';

/**
 * 批量寄递: the courier desk hands many READY courier deliveries to one carrier at once, each under its waybill
 * number (given, or assigned by the center with a check character). All or nothing: a delivery that is unknown, not
 * a courier one, or not READY, and a waybill number the carrier already had, are each listed (422
 * DISPATCH_BATCH.INVALID) and nothing is written. A retry with the same Idempotency-Key answers the first batch.
 */
@Injectable()
export class DispatchBatch {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly batches: DispatchBatchRepository,
  ) {}

  async execute(cmd: Command<unknown>, correlationId: string): Promise<DispatchBatchView> {
    const input = checkActorCommand(DispatchBatchSchema, cmd, cmd?.data);
    const carrier = input.carrier.trim();
    const ids = input.deliveryIds.map((id) => id.toLowerCase());
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      if (cmd.requestId) {
        const earlier = await this.batches.byRequestId(tx.manager, cmd.requestId);
        if (earlier) return dispatchBatchView(earlier, await this.batches.items(tx.manager, earlier.id));
      }
      const rows = new Map((await this.deliveries.lockMany(tx.manager, ids)).map((r) => [r.id, r]));
      const problems = ids.flatMap((id, i) => deliveryProblems(`deliveryIds.${i}`, id, rows.get(id)));
      if (input.waybillNos) {
        const taken = await this.batches.waybillsTaken(tx.manager, carrier, input.waybillNos);
        input.waybillNos.forEach((no, i) => {
          if (taken.has(no)) problems.push({ field: `waybillNos.${i}`, rule: 'unusedWaybill', message: `${carrier} waybill ${no} was already used` });
        });
      }
      if (problems.length) throw AppError.invalid(ErrorCodes.DISPATCH_BATCH_INVALID, problems, 'The batch cannot be dispatched; every problem is listed and nothing was written.');

      const now = new Date();
      const batch = await this.batches.add(tx.manager, { id: newId(), carrier, createdBy: cmd.actor.id, requestId: cmd.requestId ?? null });
      for (const [i, id] of ids.entries()) {
        const row = rows.get(id)!;
        const waybillNo = input.waybillNos?.[i] ?? newWaybillNo(now, await this.deliveries.nextWaybillSeq(tx.manager));
        await this.batches.addItem(tx.manager, { batchId: batch.id, position: i + 1, deliveryId: id, carrier, waybillNo, attempt: row.failed_attempts + 1 });
        await this.deliveries.dispatchInBatch(tx.manager, row, batch.id, carrier, waybillNo);
        tx.emit(Events.DeliveryDispatched, row.case_no, { deliveryId: id, carrier, waybillNo });
      }
      return dispatchBatchView(batch, await this.batches.items(tx.manager, batch.id));
    });
  }
}

/** Why one listed delivery cannot go out in this batch: every reason, not the first. */
export function deliveryProblems(field: string, id: string, row: DeliveryRow | undefined): Problem[] {
  if (!row) return [{ field, rule: 'knownDelivery', message: `no delivery ${id}` }];
  const problems: Problem[] = [];
  if (row.method !== 'COURIER') problems.push({ field, rule: 'courierDelivery', message: `delivery ${id} goes by ${row.method}, not COURIER` });
  if (row.status !== 'READY') problems.push({ field, rule: 'readyDelivery', message: `delivery ${id} is ${row.status}, not READY` });
  return problems;
}
