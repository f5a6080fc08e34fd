import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { correlationIdOf } from './correlation-id.js';

/** The correlation id of this request, to pass on to every rpc.request it makes. */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string =>
  correlationIdOf(ctx.switchToHttp().getRequest<Request>()),
);
