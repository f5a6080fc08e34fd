import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, ErrorCodes } from '#libs/contracts';
import { newId } from '#libs/messaging';
import { errorAnswer } from './error-answer.js';
import { correlationIdOf } from './correlation-id.js';

/** Every error leaves as {code, message, ...}; an unexpected one is logged under an id the caller can quote. */
@Catch()
export class AppErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const answer = errorAnswer(exception);
    if (answer) {
      if (answer.status >= 500) {
        const details = exception instanceof AppError && exception.details ? ` ${JSON.stringify(exception.details)}` : '';
        this.logger.warn(`${req.method} ${req.path} → ${answer.status} ${String(answer.body.code)}${details} [${correlationIdOf(req)}]`);
      }
      if (!res.headersSent) {
        // An answer that says when to come back (a locked account) says it in the header clients and proxies read too.
        const retryAfter = (answer.body as { retryAfterSeconds?: unknown }).retryAfterSeconds;
        if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
        res.status(answer.status).json(answer.body);
      }
      return;
    }
    const errorId = newId();
    const err = exception as Error;
    // Only the method and path are logged: bodies carry personal data (ID numbers, phones).
    this.logger.error(`errorId=${errorId} ${req.method} ${req.path} [${correlationIdOf(req)}]: ${err?.message}`, err?.stack);
    if (!res.headersSent) {
      res.status(500).json({ code: ErrorCodes.INTERNAL, message: 'Something went wrong on our side; quote the error id.', errorId });
    }
  }
}
