import { toShanghai } from '#libs/calendar';
import { maskIdNumber } from '#libs/checks';
import type { OneTimeNoticeView } from '#libs/contracts';
import type { NoticeRow } from './one-time-notice.repository.js';

export function toNoticeView(r: NoticeRow): OneTimeNoticeView {
  return {
    noticeNo: r.notice_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    itemVersion: r.item_version,
    centerCode: r.center_code,
    ...(r.applicant ? { applicant: { ...r.applicant, idNumber: maskIdNumber(r.applicant.idNumber) } } : {}),
    missing: r.missing,
    issuedAt: toShanghai(r.issued_at)!,
    issuedBy: r.issued_by,
  };
}
