import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import type { SupervisionWarningView, SupervisionWarningsQuery } from '#libs/contracts';
import { RatingRepository } from './rating.repository.js';

/**
 * The supervision warnings' RATING_OVERDUE items: 差评 follow-ups still OPEN past their due time, soonest due first.
 * A department filter keeps those of cases the department reviewed; a level filter other than RATING_OVERDUE none.
 */
@Injectable()
export class RatingWarnings {
  constructor(private readonly ratings: RatingRepository) {}

  async current(q: SupervisionWarningsQuery): Promise<SupervisionWarningView[]> {
    if (q.level && q.level !== 'RATING_OVERDUE') return [];
    const rows = await this.ratings.overdueFollowUps(new Date(), q.department);
    return rows.map((r) => ({
      caseNo: r.case_no,
      itemCode: r.item_code,
      itemName: r.item_name,
      subject: 'RATING' as const,
      level: 'RATING_OVERDUE' as const,
      dueAt: toShanghai(r.due_at)!,
      // The follow-up became overdue at its due time.
      raisedAt: toShanghai(r.due_at)!,
      ratingFollowUp: { followUpId: r.id, score: r.score, departments: r.departments, openedAt: toShanghai(r.opened_at)! },
    }));
  }
}
