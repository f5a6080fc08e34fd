import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PiiKeyring } from '#libs/crypto';
import { queryOne, queryRows } from '#libs/persistence';

export interface DispatchBatchRow {
  id: string;
  carrier: string;
  created_by: string;
  created_at: Date;
}

/** One line of a batch with what the dispatch list shows of its delivery. */
export interface DispatchBatchItemRow {
  position: number;
  delivery_id: string;
  case_no: string;
  waybill_no: string;
  attempt: number;
  recipient: string | null;
  phone: string | null;
  address: string | null;
}

/** delivery.dispatch_batches and their items: which deliveries went to which carrier together, under which waybill. */
@Injectable()
export class DispatchBatchRepository {
  constructor(private readonly keyring: PiiKeyring) {}

  /** The batch an earlier try of the same command (same requestId) created. */
  byRequestId(m: EntityManager, requestId: string): Promise<DispatchBatchRow | undefined> {
    return queryOne<DispatchBatchRow>(m, `SELECT id, carrier, created_by, created_at FROM delivery.dispatch_batches WHERE request_id = $1`, [requestId]);
  }

  get(m: EntityManager, batchId: string): Promise<DispatchBatchRow | undefined> {
    return queryOne<DispatchBatchRow>(m, `SELECT id, carrier, created_by, created_at FROM delivery.dispatch_batches WHERE id = $1`, [batchId]);
  }

  async add(m: EntityManager, b: { id: string; carrier: string; createdBy: string; requestId: string | null }): Promise<DispatchBatchRow> {
    const [row] = await queryRows<DispatchBatchRow>(
      m,
      `INSERT INTO delivery.dispatch_batches (id, carrier, created_by, request_id) VALUES ($1, $2, $3, $4)
       RETURNING id, carrier, created_by, created_at`,
      [b.id, b.carrier, b.createdBy, b.requestId],
    );
    return row;
  }

  async addItem(m: EntityManager, i: { batchId: string; position: number; deliveryId: string; carrier: string; waybillNo: string; attempt: number }): Promise<void> {
    await m.query(
      `INSERT INTO delivery.dispatch_batch_items (batch_id, position, delivery_id, carrier, waybill_no, attempt) VALUES ($1, $2, $3, $4, $5, $6)`,
      [i.batchId, i.position, i.deliveryId, i.carrier, i.waybillNo, i.attempt],
    );
  }

  /** Which of these waybill numbers the carrier was already given (a number is the carrier's, once). */
  async waybillsTaken(m: EntityManager, carrier: string, waybillNos: string[]): Promise<Set<string>> {
    const rows = await queryRows<{ waybill_no: string }>(
      m,
      `SELECT waybill_no FROM delivery.dispatch_batch_items WHERE carrier = $1 AND waybill_no = ANY($2::text[])`,
      [carrier, waybillNos],
    );
    return new Set(rows.map((r) => r.waybill_no));
  }

  /** The phone and address opened (delivery.deliveries keeps them sealed). */
  async items(m: EntityManager, batchId: string): Promise<DispatchBatchItemRow[]> {
    const rows = await queryRows<DispatchBatchItemRow>(
      m,
      `SELECT i.position, i.delivery_id, d.case_no, i.waybill_no, i.attempt, d.recipient, d.phone, d.address
         FROM delivery.dispatch_batch_items i JOIN delivery.deliveries d ON d.id = i.delivery_id
        WHERE i.batch_id = $1 ORDER BY i.position`,
      [batchId],
    );
    return rows.map((r) => ({ ...r, phone: this.keyring.openOptional(r.phone), address: this.keyring.openOptional(r.address) }));
  }
}
