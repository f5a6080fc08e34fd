import type { Actor, Role } from '#libs/contracts';

/** What a verified token says about its bearer, checked against the user as stored. */
export interface AuthUser {
  username: string;
  roles: Role[];
  department?: string;
  centers: string[];
  mustChangePassword: boolean;
}

/** The claims the gateway signs; `sub` is the username. `iss`, `aud` and `exp` are set by the signer. */
export interface TokenClaims {
  sub: string;
  roles: Role[];
  department?: string;
  exp?: number;
}

export const TOKEN_ISSUER = 'one-window-gateway';
export const TOKEN_AUDIENCE = 'one-window-api';

/** Set on the request by the guard: the user, and the actor for this endpoint (the role it was let in with). */
export interface AuthenticatedRequest {
  user?: AuthUser;
  actor?: Actor;
}
