import { toShanghai } from '#libs/calendar';
import type { DeliveryView } from '#libs/contracts';
import type { CertificateRow } from '../certificate/certificate.repository.js';
import type { DeliveryRow } from './delivery.repository.js';
import { maskPhone } from './mask-phone.js';

type CertificateView = DeliveryView['certificates'][number];

/** Views of deliveries, each with the certificates of its case (fetched in one query for the whole list). */
export function deliveryViews(rows: DeliveryRow[], certificates: CertificateRow[]): DeliveryView[] {
  const byCase = new Map<string, CertificateView[]>();
  for (const c of certificates) {
    const list = byCase.get(c.case_no) ?? [];
    list.push({ certificateNo: c.certificate_no, name: c.name, department: c.department });
    byCase.set(c.case_no, list);
  }
  return rows.map((r) => toDeliveryView(r, byCase.get(r.case_no) ?? []));
}

export function deliveryView(row: DeliveryRow, certificates: CertificateRow[]): DeliveryView {
  return deliveryViews([row], certificates)[0];
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
