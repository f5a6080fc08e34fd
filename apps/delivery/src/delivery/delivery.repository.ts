import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, ErrorCodes, type DeliveryView, type PostalAddress } from '#libs/contracts';
import { PiiKeyring } from '#libs/crypto';
import { cursorTime, queryOne, queryRows, type CursorKey } from '#libs/persistence';
import { isDeliveryId } from './command-checks.js';

/** A deliveries row as PostgreSQL returns it. */
export interface DeliveryRow {
  id: string;
  case_no: string;
  method: DeliveryView['method'];
  status: DeliveryView['status'];
  pickup_code: string | null;
  failed_pickups: number;
  recipient: string | null;
  phone: string | null;
  address: string | null;
  carrier: string | null;
  waybill_no: string | null;
  signed_by: string | null;
  created_at: Date;
  dispatched_at: Date | null;
  delivered_at: Date | null;
  pickup_center: string | null;
  postal_address: PostalAddress | null;
  failed_attempts: number;
  batch_id: string | null;
  returned_at: Date | null;
  proxy_name: string | null;
  proxy_id_masked: string | null;
  version: number;
}

const DELIVERY_COLUMNS = `id, case_no, method, status, pickup_code, failed_pickups, recipient, phone, address, carrier,
  waybill_no, signed_by, created_at, dispatched_at, delivered_at, pickup_center, postal_address, failed_attempts, batch_id, returned_at,
  proxy_name, proxy_id_masked, version`;

export interface NewDeliveryRow {
  id: string;
  caseNo: string;
  method: DeliveryView['method'];
  pickupCode: string | null;
  recipient: string | null;
  phone: string | null;
  address: string | null;
  postalAddress?: PostalAddress | null;
  pickupCenter: string | null;
}

/**
 * delivery.deliveries: how a case's result goes out, READY → DISPATCHED → DELIVERED (or CANCELLED). The phone, the
 * address and the postal address are sealed with the personal-data key on write; every row read is opened here.
 */
@Injectable()
export class DeliveryRepository {
  constructor(
    private readonly ds: DataSource,
    private readonly keyring: PiiKeyring,
  ) {}

  /** A row as the use cases see it: contact in clear. */
  private opened<R extends DeliveryRow>(row: R): R {
    return {
      ...row,
      phone: this.keyring.openOptional(row.phone),
      address: this.keyring.openOptional(row.address),
      postal_address: typeof row.postal_address === 'string' ? this.keyring.openJson<PostalAddress>(row.postal_address) : row.postal_address,
    };
  }

  /** Locks the delivery a command decides on, so a concurrent command waits and then sees the outcome; or 404. */
  async lock(m: EntityManager, deliveryId: string): Promise<DeliveryRow> {
    const row = isDeliveryId(deliveryId)
      ? await queryOne<DeliveryRow>(m, `SELECT ${DELIVERY_COLUMNS} FROM delivery.deliveries WHERE id = $1 FOR UPDATE`, [deliveryId])
      : undefined;
    if (!row) throw AppError.notFound(ErrorCodes.DELIVERY_NOT_FOUND, `Delivery ${deliveryId} does not exist.`);
    return this.opened(row);
  }

  /** READY → DISPATCHED with the carrier's waybill. */
  dispatch(m: EntityManager, row: DeliveryRow, carrier: string, waybillNo: string): Promise<DeliveryRow> {
    return this.transition(m, row, 'DISPATCHED', 'carrier = $5, waybill_no = $6, dispatched_at = now()', [carrier, waybillNo]);
  }

  /** → DELIVERED, signed for by `signedBy`. */
  deliver(m: EntityManager, row: DeliveryRow, signedBy: string): Promise<DeliveryRow> {
    return this.transition(m, row, 'DELIVERED', 'signed_by = $5, delivered_at = now()', [signedBy]);
  }

  /** Collected at the window by a proxy (委托代领): their name signs, and only their masked ID number is kept. */
  deliverToProxy(m: EntityManager, row: DeliveryRow, proxyName: string, proxyIdMasked: string): Promise<DeliveryRow> {
    return this.transition(m, row, 'DELIVERED', 'signed_by = $5, proxy_name = $5, proxy_id_masked = $6, delivered_at = now()', [proxyName, proxyIdMasked]);
  }

  /** Locks every delivery of a batch, in id order (two batches sharing deliveries cannot deadlock); the unknown ones are simply absent. */
  async lockMany(m: EntityManager, deliveryIds: string[]): Promise<DeliveryRow[]> {
    const rows = await queryRows<DeliveryRow>(m, `SELECT ${DELIVERY_COLUMNS} FROM delivery.deliveries WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [deliveryIds]);
    return rows.map((r) => this.opened(r));
  }

  /** READY → DISPATCHED in a dispatch batch. */
  dispatchInBatch(m: EntityManager, row: DeliveryRow, batchId: string, carrier: string, waybillNo: string): Promise<DeliveryRow> {
    return this.transition(m, row, 'DISPATCHED', 'carrier = $5, waybill_no = $6, batch_id = $7, dispatched_at = now()', [carrier, waybillNo, batchId]);
  }

  /** A failed courier attempt with attempts left: DISPATCHED → READY, to go out again in a new batch. */
  failForRetry(m: EntityManager, row: DeliveryRow): Promise<DeliveryRow> {
    return this.transition(m, row, 'READY', 'failed_attempts = failed_attempts + 1, carrier = NULL, waybill_no = NULL, dispatched_at = NULL', []);
  }

  /** The last failed attempt: DISPATCHED → RETURNED_TO_WINDOW, collected at `pickupCenter` with a pickup code like a window delivery. */
  returnToWindow(m: EntityManager, row: DeliveryRow, pickupCode: string, pickupCenter: string): Promise<DeliveryRow> {
    return this.transition(m, row, 'RETURNED_TO_WINDOW', 'failed_attempts = failed_attempts + 1, pickup_code = $5, pickup_center = $6, returned_at = now()', [
      pickupCode,
      pickupCenter,
    ]);
  }

  /** Oldest first, optionally of one status and method, one row past `limit` (see paginate). */
  async page(f: { status?: string; method?: string; after?: CursorKey }, limit: number): Promise<(DeliveryRow & { created_key: string })[]> {
    const rows = await queryRows<DeliveryRow & { created_key: string }>(
      this.ds.manager,
      `SELECT ${DELIVERY_COLUMNS}, ${cursorTime('created_at')} AS created_key FROM delivery.deliveries
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR method = $2)
          AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY created_at, id
        LIMIT $5`,
      [f.status ?? null, f.method ?? null, f.after?.at ?? null, f.after?.id ?? null, limit + 1],
    );
    return rows.map((r) => this.opened(r));
  }

  /** The next number of the center's own waybill sequence (never reset). */
  async nextWaybillSeq(m: EntityManager): Promise<string> {
    const [row] = await queryRows<{ seq: string }>(m, `SELECT nextval('delivery.waybill_seq')::text AS seq`);
    return row.seq;
  }

  /** One more wrong pickup attempt; the count after it. */
  async countFailedPickup(m: EntityManager, deliveryId: string): Promise<number> {
    const [counted] = await queryRows<{ failed_pickups: number }>(
      m,
      `UPDATE delivery.deliveries SET failed_pickups = failed_pickups + 1 WHERE id = $1 RETURNING failed_pickups`,
      [deliveryId],
    );
    return counted.failed_pickups;
  }

  async resetFailedPickups(m: EntityManager, deliveryId: string): Promise<DeliveryRow> {
    const [updated] = await queryRows<DeliveryRow>(m, `UPDATE delivery.deliveries SET failed_pickups = 0, version = version + 1 WHERE id = $1 RETURNING *`, [
      deliveryId,
    ]);
    return updated && this.opened(updated);
  }

  /** A delivery still waiting (READY) is cancelled; one already on its way is left as it is. */
  async cancelReady(m: EntityManager, caseNo: string, reason: string): Promise<void> {
    await m.query(
      `UPDATE delivery.deliveries SET status = 'CANCELLED', cancelled_at = now(), cancel_reason = $2, version = version + 1
        WHERE case_no = $1 AND status = 'READY'`,
      [caseNo, reason],
    );
  }

  async existsForCase(m: EntityManager, caseNo: string): Promise<boolean> {
    return !!(await queryOne(m, `SELECT 1 FROM delivery.deliveries WHERE case_no = $1`, [caseNo]));
  }

  /** A READY delivery; undefined when the case has one already. */
  async add(m: EntityManager, d: NewDeliveryRow): Promise<{ id: string } | undefined> {
    const [created] = await queryRows<{ id: string }>(
      m,
      `INSERT INTO delivery.deliveries (id, case_no, method, status, pickup_code, recipient, phone, address, pickup_center, postal_address)
       VALUES ($1, $2, $3, 'READY', $4, $5, $6, $7, $8, $9::jsonb) ON CONFLICT (case_no) DO NOTHING RETURNING id`,
      [
        d.id, d.caseNo, d.method, d.pickupCode, d.recipient, this.keyring.sealOptional(d.phone), this.keyring.sealOptional(d.address), d.pickupCenter,
        d.postalAddress ? JSON.stringify(this.keyring.sealJson(d.postalAddress)) : null,
      ],
    );
    return created;
  }

  async ofCase(caseNo: string): Promise<DeliveryRow[]> {
    const rows = await queryRows<DeliveryRow>(this.ds.manager, `SELECT ${DELIVERY_COLUMNS} FROM delivery.deliveries WHERE case_no = $1 ORDER BY created_at, id`, [caseNo]);
    return rows.map((r) => this.opened(r));
  }

  /**
   * Moves a delivery from the state it was read in, and only from that state: 0 rows means someone else won.
   * `set` is a fixed SQL fragment; its values go through `params` as $5, $6, ...
   */
  private async transition(m: EntityManager, row: DeliveryRow, to: DeliveryRow['status'], set: string, params: unknown[]): Promise<DeliveryRow> {
    const [updated] = await queryRows<DeliveryRow>(
      m,
      `UPDATE delivery.deliveries SET status = $3, version = version + 1, ${set}
        WHERE id = $1 AND version = $2 AND status = $4
        RETURNING ${DELIVERY_COLUMNS}`,
      [row.id, row.version, to, row.status, ...params],
    );
    if (!updated) throw AppError.conflict(ErrorCodes.CONCURRENT_UPDATE, `Delivery ${row.id} changed meanwhile; look again.`);
    return this.opened(updated);
  }
}
