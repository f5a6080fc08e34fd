import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '#libs/messaging';

export class Init1763900000000 implements MigrationInterface {
  name = 'Init1763900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesUp('delivery')) await q.query(sql);
    // Only a salted hash of the applicant's ID number is kept: enough to check it at pickup, useless if leaked alone.
    await q.query(`CREATE TABLE delivery.case_profiles (
      case_no text PRIMARY KEY,
      item_name text NOT NULL,
      results jsonb NOT NULL,
      delivery jsonb NOT NULL,
      applicant_name text NOT NULL,
      id_hash text NOT NULL,
      center_code text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE delivery.certificates (
      certificate_no text PRIMARY KEY,
      case_no text NOT NULL,
      name text NOT NULL,
      department text NOT NULL,
      issued_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX certificates_case_no ON delivery.certificates (case_no)`);
    await q.query(`CREATE TABLE delivery.deliveries (
      id uuid PRIMARY KEY,
      case_no text NOT NULL UNIQUE,
      method text NOT NULL CHECK (method IN ('WINDOW', 'COURIER')),
      status text NOT NULL CHECK (status IN ('READY', 'DISPATCHED', 'DELIVERED')),
      pickup_code text,
      failed_pickups int NOT NULL DEFAULT 0,
      recipient text,
      phone text,
      address text,
      carrier text,
      waybill_no text,
      signed_by text,
      created_at timestamptz NOT NULL DEFAULT now(),
      dispatched_at timestamptz,
      delivered_at timestamptz,
      version int NOT NULL DEFAULT 1)`);
    await q.query(`CREATE INDEX deliveries_status_created ON delivery.deliveries (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE delivery.deliveries, delivery.certificates, delivery.case_profiles`);
    for (const sql of messagingTablesDown('delivery')) await q.query(sql);
  }
}
