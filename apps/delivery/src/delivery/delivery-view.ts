import type { EntityManager } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import type { DeliveryView } from '#libs/contracts';
import { queryRows } from '#libs/persistence';
import type { DeliveryRow } from './delivery-row.js';
import { maskPhone } from './mask-phone.js';

type CertificateView = DeliveryView['certificates'][number];

/** Views of deliveries with their certificates, fetched in one query for the whole list. */
export async function deliveryViews(m: EntityManager, rows: DeliveryRow[]): Promise<DeliveryView[]> {
  if (rows.length === 0) return [];
  const certs = await queryRows<{ case_no: string; certificate_no: string; name: string; department: string }>(
    m,
    `SELECT case_no, certificate_no, name, department FROM delivery.certificates WHERE case_no = ANY($1) ORDER BY certificate_no`,
    [[...new Set(rows.map((r) => r.case_no))]],
  );
  const byCase = new Map<string, CertificateView[]>();
  for (const c of certs) {
    const list = byCase.get(c.case_no) ?? [];
    list.push({ certificateNo: c.certificate_no, name: c.name, department: c.department });
    byCase.set(c.case_no, list);
  }
  return rows.map((r) => toDeliveryView(r, byCase.get(r.case_no) ?? []));
}

export async function deliveryView(m: EntityManager, row: DeliveryRow): Promise<DeliveryView> {
  return (await deliveryViews(m, [row]))[0];
}

/** The pickup code never appears here: it is the applicant's secret, shown only through pickupCodeOfCase. */
export function toDeliveryView(r: DeliveryRow, certificates: CertificateView[]): DeliveryView {
  const v: DeliveryView = {
    deliveryId: r.id,
    caseNo: r.case_no,
    method: r.method,
    status: r.status,
    certificates,
    createdAt: toShanghai(r.created_at)!,
  };
  if (r.pickup_center) v.pickupCenter = r.pickup_center;
  if (r.recipient) v.recipient = r.recipient;
  if (r.phone) v.phone = maskPhone(r.phone);
  if (r.address) v.address = r.address;
  if (r.carrier) v.carrier = r.carrier;
  if (r.waybill_no) v.waybillNo = r.waybill_no;
  if (r.signed_by) v.signedBy = r.signed_by;
  if (r.dispatched_at) v.dispatchedAt = toShanghai(r.dispatched_at)!;
  if (r.delivered_at) v.deliveredAt = toShanghai(r.delivered_at)!;
  return v;
}
