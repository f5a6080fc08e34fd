import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TrackingStatus } from '#libs/contracts';
import { queryRows } from '#libs/persistence';

/** A delivery.tracking_events row: one report of the carrier on a dispatched parcel. */
export interface TrackingRow {
  delivery_id: string;
  status: TrackingStatus;
  at: Date;
  note: string | null;
  waybill_no: string | null;
  attempt: number;
}

export interface NewTrackingEvent {
  id: string;
  deliveryId: string;
  status: TrackingStatus;
  at: string;
  note: string | null;
  waybillNo: string | null;
  attempt: number;
  recordedBy: string;
}

/** delivery.tracking_events: what carriers reported, kept whole across retries (each row says its attempt). */
@Injectable()
export class TrackingRepository {
  async add(m: EntityManager, e: NewTrackingEvent): Promise<void> {
    await m.query(
      `INSERT INTO delivery.tracking_events (id, delivery_id, status, at, note, waybill_no, attempt, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.id, e.deliveryId, e.status, e.at, e.note, e.waybillNo, e.attempt, e.recordedBy],
    );
  }

  /** The reports on these deliveries, in the order they happened. */
  ofDeliveries(m: EntityManager, deliveryIds: string[]): Promise<TrackingRow[]> {
    if (!deliveryIds.length) return Promise.resolve([]);
    return queryRows<TrackingRow>(
      m,
      `SELECT delivery_id, status, at, note, waybill_no, attempt FROM delivery.tracking_events
        WHERE delivery_id = ANY($1::uuid[]) ORDER BY at, recorded_at, id`,
      [deliveryIds],
    );
  }
}
