import { toShanghai } from '#libs/calendar';
import { maskIdNumber, maskPhone } from '#libs/checks';
import type { RefusalView } from '#libs/contracts';
import type { RefusalRow } from './refusal.repository.js';

export function toRefusalView(r: RefusalRow): RefusalView {
  const { phone, ...applicant } = r.applicant;
  return {
    refusalNo: r.refusal_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    itemVersion: r.item_version,
    centerCode: r.center_code,
    applicant: { ...applicant, idNumber: maskIdNumber(applicant.idNumber), ...(phone ? { phone: maskPhone(phone) } : {}) },
    reason: r.reason,
    refusedAt: toShanghai(r.refused_at)!,
    refusedBy: r.refused_by,
  };
}
