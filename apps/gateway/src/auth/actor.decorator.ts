import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '#libs/contracts';
import type { AuthenticatedRequest } from './auth-user.js';

/** The actor the guard built from the verified token: never from the body. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route the auth guard did not authenticate');
  return actor;
});
