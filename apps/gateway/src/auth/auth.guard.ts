import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AppError, ErrorCodes, ROLES, type Role } from '#libs/contracts';
import type { AuthenticatedRequest, TokenClaims } from './auth-user.js';
import { chooseRole } from './choose-role.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';

const unauthenticated = () => new AppError(ErrorCodes.AUTH_UNAUTHENTICATED, 'Log in first: send "Authorization: Bearer <token>".', 401);

/** Global: every route needs a valid token unless marked @Public(); @Roles(...) narrows who may call it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const [scheme, token] = (req.header('authorization') ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated();
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new AppError(ErrorCodes.AUTH_UNAUTHENTICATED, 'The token is invalid or has expired; log in again.', 401);
    }
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ROLES.includes(r)) : [];
    if (typeof claims.sub !== 'string' || !roles.length) throw unauthenticated();
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const role = chooseRole(roles, allowed);
    if (!role) {
      throw new AppError(ErrorCodes.AUTH_FORBIDDEN, `This needs one of the roles ${allowed!.join(', ')}.`, 403);
    }
    req.user = { username: claims.sub, roles, department: claims.department };
    req.actor = { id: claims.sub, role, ...(claims.department ? { department: claims.department } : {}) };
    return true;
  }
}
