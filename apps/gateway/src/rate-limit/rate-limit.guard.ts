import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext, type OnModuleDestroy } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { ServiceConfig } from '#libs/config';
import { AppError, ErrorCodes } from '#libs/contracts';
import { SERVICE_CONFIG } from '#libs/platform';
import { SlidingWindowLimiter } from './sliding-window.js';

const BUCKET_KEY = 'gateway:rate-limit-bucket';

/** Limits the marked routes per client IP (login: per IP and account), one budget per bucket (login guessing, public case lookups). */
export const RateLimited = (bucket: 'login' | 'public') => SetMetadata(BUCKET_KEY, bucket);

@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly limiters = new Map<string, SlidingWindowLimiter>();
  private readonly sweeper = setInterval(() => this.limiters.forEach((l) => l.sweep()), 60_000).unref();

  constructor(
    private readonly reflector: Reflector,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const bucket = this.reflector.getAllAndOverride<string | undefined>(BUCKET_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!bucket) return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    // Password guessing is against one account; a whole office logging in at 9:00 behind one NAT address is not.
    const username = bucket === 'login' && typeof req.body?.username === 'string' ? req.body.username.slice(0, 64) : '';
    const verdict = this.limiter(bucket).hit(username ? `${ip}|${username}` : ip);
    if (verdict.allowed) return true;
    const retryAfter = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    ctx.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw new AppError(ErrorCodes.RATE_LIMITED, `Too many requests; try again in ${retryAfter} s.`, 429, { retryAfterSeconds: retryAfter });
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private limiter(bucket: string): SlidingWindowLimiter {
    let l = this.limiters.get(bucket);
    if (!l) this.limiters.set(bucket, (l = new SlidingWindowLimiter(this.config.rateLimitPerMinute, 60_000)));
    return l;
  }
}
