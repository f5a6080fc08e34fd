import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AppError, ErrorCodes, Rpc } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { LOOKUP_MAX_FAILURES, LOOKUP_WINDOW_MINUTES, PublicLookupRepository } from './public-lookup.repository.js';

// One answer for "no such case" and "not your case": the page must not confirm that a case number exists.
export const publicCaseNotFound = () => AppError.notFound(ErrorCodes.CASE_NOT_FOUND, 'No case matches this number and ID ending.');

/**
 * Who may see a case without logging in: the case number plus the last six characters of the applicant's ID number
 * (intake checks them). Ten wrong tails for a case number within 15 minutes lock its public lookups for 15 minutes,
 * for every gateway replica (gateway.public_lookup_failures); while locked even the right tail gets 429
 * PUBLIC.LOOKUP_LOCKED with `retryAfterSeconds`. Unknown case numbers are counted and locked alike, so the lock
 * tells nothing about whether a case exists. Concurrent guesses racing the tenth can get a few more tries; the
 * per-IP rate limit bounds those.
 */
@Injectable()
export class ApplicantCheck implements OnModuleDestroy {
  private readonly purger = setInterval(() => void this.lookups.purgeStale().catch(() => undefined), 10 * 60_000).unref();

  constructor(
    private readonly rpc: RpcClient,
    private readonly lookups: PublicLookupRepository,
  ) {}

  /** Throws 429 while locked, 404 for a wrong tail or an unknown case; returns when the tail is the applicant's. */
  async verify(caseNo: string, idTail: string, correlationId: string): Promise<void> {
    const locked = await this.lookups.lockedUntil(caseNo);
    if (locked) throw lockedError(locked);
    const verdict = await this.rpc.requestOptional(Rpc.intake.verifyApplicant, { caseNo, idTail }, { correlationId });
    if (verdict?.match) {
      await this.lookups.clear(caseNo);
      return;
    }
    await this.lookups.countFailure(caseNo);
    throw publicCaseNotFound();
  }

  onModuleDestroy(): void {
    clearInterval(this.purger);
  }
}

function lockedError(until: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError(
    ErrorCodes.PUBLIC_LOOKUP_LOCKED,
    `Too many wrong ID endings for this case number (${LOOKUP_MAX_FAILURES} within ${LOOKUP_WINDOW_MINUTES} minutes); try again in ${retryAfterSeconds} s.`,
    429,
    { retryAfterSeconds },
  );
}
