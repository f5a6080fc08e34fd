import { toShanghai } from '#libs/calendar';
import type { DeliveryView, TrackingEntryView } from '#libs/contracts';
import type { CertificateRow } from '../certificate/certificate.repository.js';
import type { TrackingRow } from '../track-delivery/tracking.repository.js';
import type { DeliveryRow } from './delivery.repository.js';
import { maskPhone } from './mask-phone.js';

type CertificateView = DeliveryView['certificates'][number];

/** Views of deliveries, each with the certificates of its case (fetched in one query for the whole list). */
export function deliveryViews(rows: DeliveryRow[], certificates: CertificateRow[], tracking: TrackingRow[] = []): DeliveryView[] {
  const byCase = new Map<string, CertificateView[]>();
  for (const c of certificates) {
    const list = byCase.get(c.case_no) ?? [];
    list.push({ certificateNo: c.certificate_no, name: c.name, department: c.department });
    byCase.set(c.case_no, list);
  }
  const byDelivery = new Map<string, TrackingEntryView[]>();
  for (const t of tracking) {
    const list = byDelivery.get(t.delivery_id) ?? [];
    list.push({ status: t.status, at: toShanghai(t.at)!, ...(t.note ? { note: t.note } : {}), ...(t.waybill_no ? { waybillNo: t.waybill_no } : {}), attempt: t.attempt });
    byDelivery.set(t.delivery_id, list);
  }
  return rows.map((r) => {
    const v = toDeliveryView(r, byCase.get(r.case_no) ?? []);
    const entries = byDelivery.get(r.id);
    if (entries) v.tracking = entries;
    return v;
  });
}

export function deliveryView(row: DeliveryRow, certificates: CertificateRow[], tracking: TrackingRow[] = []): DeliveryView {
  return deliveryViews([row], certificates, tracking)[0];
}

/** The pickup code never appears here: it is the applicant's secret, sent only in their result-ready notification. */
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
  if (r.method === 'COURIER') v.failedAttempts = r.failed_attempts ?? 0;
  if (r.batch_id) v.batchId = r.batch_id;
  if (r.returned_at) v.returnedAt = toShanghai(r.returned_at)!;
  if (r.proxy_name) v.proxy = { name: r.proxy_name, idNumber: r.proxy_id_masked ?? '' };
  return v;
}
