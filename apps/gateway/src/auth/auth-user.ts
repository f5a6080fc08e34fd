import type { Actor, Role } from '#libs/contracts';

/** What a verified token says about its bearer. */
export interface AuthUser {
  username: string;
  roles: Role[];
  department?: string;
}

/** The claims the gateway signs; `sub` is the username. */
export interface TokenClaims {
  sub: string;
  roles: Role[];
  department?: string;
}

export const TOKEN_TTL_SECONDS = 8 * 3600;

/** Set on the request by the guard: the user, and the actor for this endpoint (the role it was let in with). */
export interface AuthenticatedRequest {
  user?: AuthUser;
  actor?: Actor;
}
