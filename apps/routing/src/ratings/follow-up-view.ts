import { toShanghai } from '#libs/calendar';
import type { RatingFollowUpView } from '#libs/contracts';
import type { FollowUpRow } from './rating.repository.js';

/** A follow-up as supervisors see it; overdue: still open past its due time, or closed after it. */
export function followUpView(r: FollowUpRow, now: Date): RatingFollowUpView {
  const v: RatingFollowUpView = {
    followUpId: r.id,
    ratingId: r.rating_id,
    caseNo: r.case_no,
    itemCode: r.item_code,
    itemName: r.item_name,
    departments: r.departments,
    score: r.score,
    status: r.status,
    openedAt: toShanghai(r.opened_at)!,
    dueAt: toShanghai(r.due_at)!,
    overdue: (r.closed_at ?? now).getTime() > r.due_at.getTime(),
  };
  if (r.comment) v.comment = r.comment;
  if (r.closed_at) v.closedAt = toShanghai(r.closed_at)!;
  if (r.closed_by) v.closedBy = r.closed_by;
  if (r.note) v.note = r.note;
  return v;
}
