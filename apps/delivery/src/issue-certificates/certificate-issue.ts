import { randomInt } from 'node:crypto';
import { shanghaiDate } from '#libs/calendar';
import { maskName } from '#libs/checks';
import { formatPostalAddress, normalizePostalAddress, type CertificatePayload, type DeliveryPreference, type PostalAddress, type ResultSpec } from '#libs/contracts';
import { validUntil } from '../certificate/certificate-signing.js';

export interface NewCertificate {
  certificateNo: string;
  name: string;
  department: string;
}

export interface CertificateFacts {
  certificateNo: string;
  result: ResultSpec;
  itemCode: string | null;
  itemName: string;
  holderName: string;
  holderIdMasked: string | null;
  issuedAt: Date;
  kid: string;
}

/**
 * What a certificate's signature covers: its number and title, the item, the holder masked (the paper names the
 * holder in full; a scanned QR code tells no more than the public verification does), the issuing department, the
 * issue date and the last valid day (Asia/Shanghai dates).
 */
export function certificatePayload(f: CertificateFacts): CertificatePayload {
  const issued = shanghaiDate(f.issuedAt);
  const until = validUntil(issued, f.result.validityYears);
  return {
    v: 1,
    kid: f.kid,
    no: f.certificateNo,
    name: f.result.name,
    item: f.itemCode ?? '',
    itemName: f.itemName,
    holder: { name: maskName(f.holderName), id: f.holderIdMasked ?? '' },
    dept: f.result.department,
    issued,
    ...(until ? { validUntil: until } : {}),
  };
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
  /** COURIER with a structured address (#10); `address` is then its one-line form. */
  postalAddress?: PostalAddress;
}

/** How the applicant asked to receive the result; a courier parcel goes to the applicant unless someone else is named. */
export function deliveryFor(pref: Partial<DeliveryPreference> | null, applicantName: string): NewDelivery {
  if (pref?.method === 'COURIER') {
    return {
      method: 'COURIER',
      pickupCode: null,
      recipient: pref.recipient?.trim() || applicantName,
      phone: pref.phone?.trim() || null,
      address: pref.postalAddress ? formatPostalAddress(normalizePostalAddress(pref.postalAddress)) : pref.address?.trim() || null,
      ...(pref.postalAddress ? { postalAddress: normalizePostalAddress(pref.postalAddress) } : {}),
    };
  }
  return { method: 'WINDOW', pickupCode: newPickupCode(), recipient: null, phone: null, address: null };
}
