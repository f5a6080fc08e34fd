import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 邮寄送达 and 委托代领 (#10). A courier delivery keeps its structured address, counts its failed attempts and may be
 * RETURNED_TO_WINDOW (then it gets a pickup code and the accepting center as pickup center). Dispatch batches keep
 * each delivery's waybill per attempt (a retried delivery is in two batches); a waybill number is unique per
 * carrier, and a generated one comes from a sequence. The carrier's reports are kept one row each. A proxy pickup
 * keeps the proxy's name and only the masked ID number.
 */
export class Courier1764700000400 implements MigrationInterface {
  name = 'Courier1764700000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE delivery.deliveries
      DROP CONSTRAINT deliveries_status_check,
      ADD CONSTRAINT deliveries_status_check CHECK (status IN ('READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED', 'RETURNED_TO_WINDOW')),
      ADD COLUMN postal_address jsonb,
      ADD COLUMN failed_attempts int NOT NULL DEFAULT 0,
      ADD COLUMN batch_id uuid,
      ADD COLUMN returned_at timestamptz,
      ADD COLUMN proxy_name text,
      ADD COLUMN proxy_id_masked text`);
    // The queue pages by (created_at, id) within a status and method.
    await q.query(`CREATE INDEX deliveries_queue ON delivery.deliveries (status, method, created_at, id)`);
    await q.query(`CREATE SEQUENCE delivery.waybill_seq`);
    await q.query(`CREATE TABLE delivery.dispatch_batches (
      id uuid PRIMARY KEY,
      carrier text NOT NULL,
      created_by text NOT NULL,
      request_id text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE delivery.dispatch_batch_items (
      batch_id uuid NOT NULL REFERENCES delivery.dispatch_batches (id),
      position int NOT NULL,
      delivery_id uuid NOT NULL REFERENCES delivery.deliveries (id),
      carrier text NOT NULL,
      waybill_no text NOT NULL,
      attempt int NOT NULL,
      PRIMARY KEY (batch_id, position),
      UNIQUE (delivery_id, attempt),
      UNIQUE (carrier, waybill_no))`);
    await q.query(`CREATE TABLE delivery.tracking_events (
      id uuid PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES delivery.deliveries (id),
      status text NOT NULL CHECK (status IN ('IN_TRANSIT', 'OUT_FOR_DELIVERY', 'FAILED')),
      at timestamptz NOT NULL,
      note text,
      waybill_no text,
      attempt int NOT NULL,
      recorded_by text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX tracking_events_delivery ON delivery.tracking_events (delivery_id, at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery.tracking_events, delivery.dispatch_batch_items, delivery.dispatch_batches`);
    await q.query(`DROP SEQUENCE delivery.waybill_seq`);
    await q.query(`DROP INDEX delivery.deliveries_queue`);
    await q.query(`ALTER TABLE delivery.deliveries DROP COLUMN proxy_id_masked, DROP COLUMN proxy_name, DROP COLUMN returned_at,
      DROP COLUMN batch_id, DROP COLUMN failed_attempts, DROP COLUMN postal_address,
      DROP CONSTRAINT deliveries_status_check,
      ADD CONSTRAINT deliveries_status_check CHECK (status IN ('READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED'))`);
  }
}
