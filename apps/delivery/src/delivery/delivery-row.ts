import type { DeliveryView } from '#libs/contracts';

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
  version: number;
}

export const DELIVERY_COLUMNS = `id, case_no, method, status, pickup_code, failed_pickups, recipient, phone, address, carrier,
  waybill_no, signed_by, created_at, dispatched_at, delivered_at, pickup_center, version`;
