import { toShanghai } from '#libs/calendar';
import type { OpinionView } from '#libs/contracts';
import type { OpinionRow } from './opinion.repository.js';

export function toOpinionView(r: OpinionRow): OpinionView {
  return {
    opinionId: r.id,
    caseNo: r.case_no,
    department: r.department,
    author: r.author,
    ...(r.on_behalf_of ? { onBehalfOf: r.on_behalf_of } : {}),
    opinion: r.opinion,
    at: toShanghai(r.created_at)!,
  };
}
