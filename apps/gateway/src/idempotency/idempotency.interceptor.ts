import { HttpException, Injectable, Logger, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, map, mergeMap, of, throwError, type Observable } from 'rxjs';
import { AppError, ErrorCodes } from '#libs/contracts';
import type { AuthenticatedRequest } from '../auth/auth-user.js';
import { errorAnswer } from '../http/error-answer.js';
import { RequestInvalid } from '../http/request-invalid.js';
import { IdempotencyRepository, type StoredAnswer } from './idempotency.repository.js';
import { requestHash } from './request-hash.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const NO_IDEMPOTENCY = 'gateway:no-idempotency';
/** A POST whose repeat is harmless and whose answer must not be kept (ending a session). */
export const WithoutIdempotency = () => SetMetadata(NO_IDEMPOTENCY, true);
const KEY_FORMAT = /^[\x21-\x7e]{1,200}$/;

const inProgress = () =>
  new AppError(ErrorCodes.IDEMPOTENCY_IN_PROGRESS, 'A request with this Idempotency-Key is still running; retry shortly.', 409);

/**
 * A POST with an Idempotency-Key runs once per (user, key): a retry with the same body gets the first answer back.
 * Answers a caller should not retry differently (2xx, a service's 4xx) are kept; a 5xx frees the key, so a retry
 * can run. Guards run before this, so 401/403/429 never claim a key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('idempotency');

  constructor(
    private readonly store: IdempotencyRepository,
    private readonly reflector: Reflector,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const key = req.header(IDEMPOTENCY_HEADER);
    // Public POSTs (login) have no user to scope a key to, and need none: they change nothing.
    if (ctx.getType() !== 'http' || req.method !== 'POST' || key === undefined || !req.user) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(NO_IDEMPOTENCY, [ctx.getHandler(), ctx.getClass()])) return next.handle();
    if (!KEY_FORMAT.test(key)) {
      throw new RequestInvalid([{ field: 'Idempotency-Key', rule: 'format', message: 'Idempotency-Key must be 1 to 200 visible ASCII characters' }]);
    }
    const user = req.user.username;
    const hash = requestHash(req.method, req.path, req.body);
    if (!(await this.store.claim(user, key, req.method, req.path, hash))) {
      const stored = await this.store.find(user, key);
      if (stored) return this.replay(ctx, stored, hash);
      // The first attempt failed with a 5xx and let go of the key between our claim and the look-up: run now.
      if (!(await this.store.claim(user, key, req.method, req.path, hash))) throw inProgress();
    }
    const res = ctx.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      // Nest has set the route's success status before calling interceptors.
      mergeMap((body) => from(this.remember(user, key, res.statusCode, body)).pipe(map(() => body))),
      catchError((e: unknown) => from(this.settleFailure(user, key, e)).pipe(mergeMap(() => throwError(() => e)))),
    );
  }

  private replay(ctx: ExecutionContext, stored: StoredAnswer, hash: string): Observable<unknown> {
    if (stored.requestHash !== hash) {
      throw new AppError(ErrorCodes.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was already used for a different request.', 422);
    }
    if (stored.statusCode === null) throw inProgress();
    ctx.switchToHttp().getResponse<Response>().setHeader('Idempotent-Replayed', 'true');
    if (stored.statusCode < 300) return of(stored.response);
    // Thrown, not returned: Nest would send a returned value with the route's success status.
    throw new HttpException(stored.response as Record<string, unknown>, stored.statusCode);
  }

  private async remember(user: string, key: string, status: number, body: unknown): Promise<void> {
    try {
      await this.store.complete(user, key, status, body);
    } catch (e) {
      // The work is done and the caller gets its answer; a retry meets the claim (409) until it is abandoned.
      this.logger.warn(`could not store the answer for ${user}/${key}: ${(e as Error).message}`);
    }
  }

  private async settleFailure(user: string, key: string, e: unknown): Promise<void> {
    const answer = e instanceof RequestInvalid ? null : errorAnswer(e);
    try {
      if (answer && answer.status < 500) await this.store.complete(user, key, answer.status, answer.body);
      else await this.store.release(user, key);
    } catch (err) {
      this.logger.warn(`could not settle ${user}/${key} after an error: ${(err as Error).message}`);
    }
  }
}
