import { HttpException, HttpStatus } from '@nestjs/common';
import { AppError, ErrorCodes } from '#libs/contracts';

export interface ErrorAnswer {
  status: number;
  body: Record<string, unknown>;
}

const CODE_BY_STATUS: Record<number, string> = {
  [HttpStatus.BAD_REQUEST]: ErrorCodes.VALIDATION,
  [HttpStatus.UNAUTHORIZED]: ErrorCodes.AUTH_UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ErrorCodes.AUTH_FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ErrorCodes.ROUTE_NOT_FOUND,
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'REQUEST.TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
};

/** Details that name our internals (NATS subjects, connection errors): logged by the filter, not sent. */
const INTERNAL_ONLY = { cause: true };

/**
 * The HTTP answer for an error the caller is meant to see: an AppError (from a service over NATS or from the
 * gateway itself) keeps its code, status and details; a Nest HttpException keeps its status. Anything else is not
 * the caller's business: null, and the filter answers 500 with an error id.
 */
export function errorAnswer(e: unknown): ErrorAnswer | null {
  if (e instanceof AppError) {
    const details = e.details;
    const extra = details && typeof details === 'object' && !Array.isArray(details) ? details : details === undefined ? {} : { details };
    // code and message first for the reader; details never overwrite them.
    const body: Record<string, unknown> = { code: e.code, message: e.message };
    for (const [k, v] of Object.entries(extra)) if (!(k in body) && !(k in INTERNAL_ONLY)) body[k] = v;
    return { status: e.status, body };
  }
  if (e instanceof HttpException) {
    const status = e.getStatus();
    const response = e.getResponse();
    // An answer replayed from the idempotency store already has the final shape.
    if (response && typeof response === 'object' && typeof (response as { code?: unknown }).code === 'string') {
      return { status, body: response as Record<string, unknown> };
    }
    return { status, body: { code: CODE_BY_STATUS[status] ?? `HTTP.${status}`, message: e.message } };
  }
  return null;
}
