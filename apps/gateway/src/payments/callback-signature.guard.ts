import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ServiceConfig } from '#libs/config';
import { AppError, ErrorCodes } from '#libs/contracts';
import { SERVICE_CONFIG } from '#libs/platform';
import { verifyCallback } from './callback-signature.js';

/**
 * Runs before validation and before anything is written: an unsigned, wrongly signed or stale callback is a 401
 * whatever its body, so nobody learns from our validation messages what a payment looks like without the secret.
 */
@Injectable()
export class CallbackSignatureGuard implements CanActivate {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request & { rawBody?: Buffer }>();
    const verdict = verifyCallback(this.config.paymentCallbackSecret, req.header('x-timestamp'), req.header('x-signature'), req.rawBody, Math.floor(Date.now() / 1000));
    if (verdict === 'OK') return true;
    if (verdict === 'STALE') throw new AppError(ErrorCodes.CALLBACK_STALE, 'X-Timestamp is more than 5 minutes from our clock.', 401);
    throw new AppError(ErrorCodes.CALLBACK_BAD_SIGNATURE, 'X-Timestamp and X-Signature (HMAC-SHA256 of "<timestamp>.<body>") are missing or wrong.', 401);
  }
}
