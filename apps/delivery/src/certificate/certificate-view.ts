import { toShanghai } from '#libs/calendar';
import { maskName } from '#libs/checks';
import type { CertificateVerification, CertificateView } from '#libs/contracts';
import type { CertificateRecord } from './certificate.repository.js';

/** What staff see and print: the holder's name in full (it is printed on the certificate), the ID number masked. */
export function toCertificateView(r: CertificateRecord): CertificateView {
  return {
    certificateNo: r.certificate_no,
    caseNo: r.case_no,
    name: r.name,
    itemCode: r.item_code ?? undefined,
    itemName: r.item_name ?? undefined,
    department: r.department,
    holder: { name: r.holder_name ?? '', idNumberMasked: r.holder_id_masked ?? undefined },
    status: r.status,
    issuedAt: toShanghai(r.issued_at)!,
    validUntil: r.valid_until ?? undefined,
    signedPayload: r.signed_payload ?? undefined,
    revokedAt: toShanghai(r.revoked_at) ?? undefined,
    revokedBy: r.revoked_by ?? undefined,
    revokeReason: r.revoke_reason ?? undefined,
  };
}

/** What anyone may learn: the holder's name and ID number masked, never a phone, an address or the case. */
export function toVerification(r: CertificateRecord): CertificateVerification {
  return {
    status: r.status,
    certificateNo: r.certificate_no,
    name: r.name,
    itemName: r.item_name ?? undefined,
    holder: { name: maskName(r.holder_name ?? ''), idNumber: r.holder_id_masked ?? undefined },
    department: r.department,
    issuedAt: toShanghai(r.issued_at)!,
    validUntil: r.valid_until ?? undefined,
    revokedAt: toShanghai(r.revoked_at) ?? undefined,
  };
}
