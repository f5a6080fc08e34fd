import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../auth/auth-user.js';
import { correlationIdOf } from '../http/correlation-id.js';
import { CaseAccess, isCaseRef } from './case-access.js';
import { CASE_SCOPED_KEY } from './case-scoped.decorator.js';

/**
 * Global, after AuthGuard: a route marked @CaseScoped('caseNo') runs only when CaseAccess says the caller's scope
 * covers the case in that path parameter (else 404 CASE.NOT_FOUND, as for an unknown case). A malformed value is
 * left to the route's validation (400).
 */
@Injectable()
export class CaseScopeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: CaseAccess,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const param = this.reflector.getAllAndOverride<string | undefined>(CASE_SCOPED_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!param) return true;
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const caseNo = req.params?.[param];
    if (!req.user || !req.actor || !isCaseRef(caseNo)) return true;
    // The request is handed on so the case view read for the check is the one the route answers from (one RPC).
    await this.access.assertCase({ user: req.user, actor: req.actor }, caseNo, correlationIdOf(req), req);
    return true;
  }
}
