import { WorkingCalendar } from '#libs/calendar';
import { CaseStatus, FOLLOW_UP_WORKING_DAYS, POOR_RATING_MAX, type RatingFigures, type ReviewStage } from '#libs/contracts';

/** A case may be rated once it has ended: its result delivered, or rejected, or withdrawn. */
export const RATEABLE_STATUSES: readonly CaseStatus[] = [CaseStatus.DELIVERED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN];

export function hasEnded(status: CaseStatus): boolean {
  return RATEABLE_STATUSES.includes(status);
}

export function isPoor(score: number): boolean {
  return score <= POOR_RATING_MAX;
}

/**
 * The departments that reviewed the case: those of every stage up to the one it reached (a case rejected or withdrawn
 * in stage 1 was never seen by stage 2's), in plan order, each once.
 */
export function reviewingDepartments(plan: ReviewStage[], currentStage: number): string[] {
  const seen = new Set<string>();
  for (const s of [...plan].sort((a, b) => a.stage - b.stage)) {
    if (s.stage > currentStage) break;
    s.departments.forEach((d) => seen.add(d));
  }
  return [...seen];
}

/** The end of the 5th working day after the rating (the day itself not counted), Asia/Shanghai. */
export function followUpDueAt(ratedAt: Date, cal: WorkingCalendar = WorkingCalendar.official()): Date {
  return cal.deadline(ratedAt, FOLLOW_UP_WORKING_DAYS).at;
}

/** count, average to two decimals, 差评 and their share to four; null where there is nothing to divide. */
export function ratingFigures(count: number, average: string | number | null, poor: number): RatingFigures {
  if (!count) return { count: 0, average: null, poor: 0, poorShare: null };
  return { count, average: Math.round(Number(average) * 100) / 100, poor, poorShare: Math.round((poor / count) * 10_000) / 10_000 };
}
