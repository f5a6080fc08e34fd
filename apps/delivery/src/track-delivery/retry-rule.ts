/**
 * What a failed courier attempt leads to. `failedBefore` attempts had failed already; `maxAttempts` is
 * DELIVERY_MAX_ATTEMPTS (default 2): the attempts a delivery gets in all. Before the last one the delivery goes back
 * to READY for a new dispatch; the last one returns it to the accepting center for window pickup.
 */
export function afterFailure(failedBefore: number, maxAttempts: number): { attempt: number; next: 'READY' | 'RETURNED_TO_WINDOW' } {
  const attempt = failedBefore + 1;
  return { attempt, next: attempt >= maxAttempts ? 'RETURNED_TO_WINDOW' : 'READY' };
}

/** A carrier's report may not lie ahead of now (a clock a few minutes fast is tolerated). */
export const TRACKING_CLOCK_SKEW_MS = 5 * 60_000;

export function trackingTimeProblem(at: Date, dispatchedAt: Date | null, now: Date): string | undefined {
  if (at.getTime() > now.getTime() + TRACKING_CLOCK_SKEW_MS) return 'at must not lie in the future';
  if (dispatchedAt && at.getTime() < dispatchedAt.getTime() - TRACKING_CLOCK_SKEW_MS) return 'at must not be before the parcel was dispatched';
  return undefined;
}
