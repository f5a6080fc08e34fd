import { fromShanghai, shanghaiDate } from '#libs/calendar';

const DAY_MS = 86_400_000;

/**
 * A notice issued on day D with N days of validity is payable through the end of day D+N in Asia/Shanghai (a bank
 * counter at 23:00 on the last day still takes it): it expires at 00:00 of day D+N+1, Shanghai time.
 */
export function noticeExpiresAt(issuedAt: Date, validityDays: number): Date {
  const issueDay = fromShanghai(shanghaiDate(issuedAt));
  return new Date(issueDay.getTime() + (validityDays + 1) * DAY_MS);
}

export function isExpired(expiresAt: Date | null | undefined, now: Date): boolean {
  return !!expiresAt && expiresAt.getTime() <= now.getTime();
}
