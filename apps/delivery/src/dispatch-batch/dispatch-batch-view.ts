import { toShanghai } from '#libs/calendar';
import { maskPhone } from '#libs/checks';
import type { DispatchBatchView } from '#libs/contracts';
import type { DispatchBatchItemRow, DispatchBatchRow } from './dispatch-batch.repository.js';

/**
 * A batch as answered: phones masked, except on the printed dispatch list (`fullPhones`), which the courier desk
 * needs to label the parcels and hand them over.
 */
export function dispatchBatchView(batch: DispatchBatchRow, items: DispatchBatchItemRow[], fullPhones = false): DispatchBatchView {
  return {
    batchId: batch.id,
    carrier: batch.carrier,
    createdBy: batch.created_by,
    createdAt: toShanghai(batch.created_at)!,
    items: items.map((i) => ({
      deliveryId: i.delivery_id,
      caseNo: i.case_no,
      waybillNo: i.waybill_no,
      recipient: i.recipient ?? '',
      phone: i.phone ? (fullPhones ? i.phone : maskPhone(i.phone)) : '',
      address: i.address ?? '',
      attempt: i.attempt,
    })),
  };
}
