import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AppError, ErrorCodes, ROLES, type Role } from '#libs/contracts';
import type { AuthenticatedRequest, TokenClaims } from './auth-user.js';
import { chooseRole } from './choose-role.js';
import { PASSWORD_CHANGE_KEY, PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import { UserCheck } from './sessions/user-check.js';

const unauthenticated = (message = 'Log in first: send "Authorization: Bearer <token>".') => new AppError(ErrorCodes.AUTH_UNAUTHENTICATED, message, 401);

/**
 * Global: every route needs a valid token unless marked @Public(); @Roles(...) narrows who may call it. A token is
 * valid when its signature (HS256 only), issuer, audience and expiry check out AND the user it names exists, is not
 * disabled and holds every role and the department it claims (the database, not the token, is the authority).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly userCheck: UserCheck,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const [scheme, token] = (req.header('authorization') ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated();
    let claims: TokenClaims;
    try {
      // Algorithms, issuer and audience come from JwtModule's verifyOptions (gateway.module.ts).
      claims = await this.jwt.verifyAsync<TokenClaims>(token);
    } catch {
      throw unauthenticated('The token is invalid or has expired; log in again (or refresh).');
    }
    if (typeof claims.exp !== 'number' || typeof claims.sub !== 'string') throw unauthenticated('The token has no expiry or subject.');
    const claimed = Array.isArray(claims.roles) ? claims.roles : [];
    const user = await this.userCheck.current(claims.sub);
    const holds = (r: unknown): r is Role => typeof r === 'string' && ROLES.includes(r as Role) && !!user?.roles.includes(r as Role);
    if (!user || user.disabled || !claimed.length || !claimed.every(holds) || (claims.department ?? null) !== (user.department ?? null)) {
      throw unauthenticated('The token does not match an active user with these roles; log in again.');
    }
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_KEY, targets)) {
      throw new AppError(ErrorCodes.AUTH_PASSWORD_CHANGE_REQUIRED, 'Set your own password first: POST /auth/password.', 403);
    }
    const roles = claimed as Role[];
    // Set before the role check: a request refused for its role is still audited under its user (audit/audit-trail.ts).
    req.user = { username: user.username, roles, department: user.department ?? undefined, centers: user.centers, mustChangePassword: user.mustChangePassword };
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const role = chooseRole(roles, allowed);
    if (!role) throw new AppError(ErrorCodes.AUTH_FORBIDDEN, `This needs one of the roles ${allowed!.join(', ')}.`, 403);
    req.actor = { id: user.username, role, ...(user.department ? { department: user.department } : {}) };
    return true;
  }
}
