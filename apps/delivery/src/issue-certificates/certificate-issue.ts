import { randomInt } from 'node:crypto';
import type { DeliveryPreference, ResultSpec } from '#libs/contracts';

export interface NewCertificate {
  certificateNo: string;
  name: string;
  department: string;
}

/** One certificate per result the item produces, numbered after the case so the number alone says where it belongs. */
export function certificatesFor(caseNo: string, results: ResultSpec[]): NewCertificate[] {
  return results.map((r, i) => ({
    certificateNo: `CERT-${caseNo}-${String(i + 1).padStart(2, '0')}`,
    name: r.name,
    department: r.department,
  }));
}

/** Six digits from a CSPRNG: the code is half of what releases a certificate at the window. */
export function newPickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export interface NewDelivery {
  method: 'WINDOW' | 'COURIER';
  pickupCode: string | null;
  recipient: string | null;
  phone: string | null;
  address: string | null;
}

/** How the applicant asked to receive the result; a courier parcel goes to the applicant unless someone else is named. */
export function deliveryFor(pref: Partial<DeliveryPreference> | null, applicantName: string): NewDelivery {
  if (pref?.method === 'COURIER') {
    return {
      method: 'COURIER',
      pickupCode: null,
      recipient: pref.recipient?.trim() || applicantName,
      phone: pref.phone?.trim() || null,
      address: pref.address?.trim() || null,
    };
  }
  return { method: 'WINDOW', pickupCode: newPickupCode(), recipient: null, phone: null, address: null };
}
