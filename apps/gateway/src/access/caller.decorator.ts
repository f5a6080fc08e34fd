import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/auth-user.js';
import type { Caller } from './case-access.js';

/** The verified user and the actor of this route, for CaseAccess (never from the body). */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.user || !req.actor) throw new Error('CurrentCaller used on a route the auth guard did not authenticate');
  return { user: req.user, actor: req.actor };
});
