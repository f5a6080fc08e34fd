import type { NextFunction, Request, Response } from 'express';
import { Headers } from '#libs/contracts';
import { withCorrelationId } from '#libs/logging';
import { newId } from '#libs/messaging';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,100}$/;
const KEY = Symbol('correlationId');

/**
 * Runs before everything else, so every answer (404s, rate limits and errors included) carries the id. A caller's
 * id is kept when it is harmless; anything else is replaced, since it ends up in logs and NATS headers.
 */
export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header(Headers.correlationId);
  const id = given && ACCEPTABLE.test(given) ? given : newId();
  (req as unknown as Record<symbol, string>)[KEY] = id;
  res.setHeader(Headers.correlationId, id);
  withCorrelationId(id, next);
}

export function correlationIdOf(req: Request): string {
  return (req as unknown as Record<symbol, string>)[KEY] ?? 'none';
}
