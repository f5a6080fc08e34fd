import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, RESOURCE_ID, Rpc, type Actor, type CaseDetailsView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import type { AuthUser } from '../auth/auth-user.js';
import { CaseViewLoader } from '../cases/case-view.loader.js';

/** Who is asking: the verified user (their centers) and the actor the route let them in as (its role, department). */
export interface Caller {
  user: Pick<AuthUser, 'username' | 'centers'>;
  actor: Actor;
}

/**
 * The one place that decides whether a caller's scope covers a case (docs/ACCESS.md, "scoped"):
 * - CLERK: cases accepted at one of the user's centers (intake's case: centerCode);
 * - CHIEF_REP: cases with a review task of a department they may act for now (their own, or one they are an active
 *   backup for: approval's ActingFor), or decided by it at the window (即办件) or as the deciding authority (上报件);
 * - COURIER: cases with a COURIER delivery;
 * - SUPERVISOR, FINANCE, ADMIN: every case (whether the route lets the role in at all is @Roles' business).
 * Out of scope answers exactly what an unknown case answers (404 CASE.NOT_FOUND): existence must not leak.
 * Every fact comes from the owning service over NATS (one or two cheap by-case queries), never from the token.
 *
 * A route about one case (the scope guard passes its request) reads routing's case view instead, which that request
 * shares with GET /cases/{caseNo} (one RPC for both). That is safe because the view can only lag behind in granting:
 * the center and the deciding departments never change, and tasks and deliveries are never taken away (cancelled
 * ones stay), so a case in the view's scope is in the owners' scope. A "no" from the view may be a task or delivery
 * made a moment ago that the view has not heard of yet, so it is asked of the owners, as is everything when routing
 * does not answer. Lists (filter) ask the owners: a view per item could have to refresh each.
 */
@Injectable()
export class CaseAccess {
  constructor(
    private readonly rpc: RpcClient,
    private readonly views: CaseViewLoader,
  ) {}

  /** Throws 404 CASE.NOT_FOUND unless the caller's scope covers the case; `request`: read the case view it shares. */
  async assertCase(caller: Caller, caseNo: string, correlationId: string, request?: object): Promise<void> {
    if (!(await this.allows(caller, caseNo, correlationId, undefined, request))) throw notFound(caseNo);
  }

  /** True when the caller's scope covers the case; an unknown case is a 404 (for a scoped role) or true (unscoped). */
  async allows(caller: Caller, caseNo: string, correlationId: string, acting?: string[], request?: object): Promise<boolean> {
    if (request && SCOPED_ROLES.has(caller.actor.role)) {
      const [view, departments] = await Promise.all([
        this.view(caseNo, correlationId, request),
        caller.actor.role === 'CHIEF_REP' ? (acting ?? this.actingDepartments(caller.actor, correlationId)) : undefined,
      ]);
      if (view && caller.actor.role === 'CLERK') return caller.user.centers.includes(view.centerCode);
      if (view && inViewScope(caller, view, departments ?? [])) return true;
      return this.allowedByOwners(caller, caseNo, correlationId, departments);
    }
    return this.allowedByOwners(caller, caseNo, correlationId, acting);
  }

  /** The case view, or undefined when routing did not answer (the owners are asked then); its 404 is the answer. */
  private async view(caseNo: string, correlationId: string, request: object): Promise<CaseDetailsView | undefined> {
    try {
      return await this.views.load(caseNo, correlationId, request);
    } catch (e) {
      if (e instanceof AppError && e.status === 404) throw e;
      return undefined;
    }
  }

  private async allowedByOwners(caller: Caller, caseNo: string, correlationId: string, acting?: string[]): Promise<boolean> {
    const opts = { correlationId };
    switch (caller.actor.role) {
      case 'CLERK': {
        const c = await this.rpc.request(Rpc.intake.getCase, { caseNo }, opts);
        return caller.user.centers.includes(c.centerCode);
      }
      case 'CHIEF_REP': {
        const [c, tasks, departments] = await Promise.all([
          this.rpc.request(Rpc.intake.getCase, { caseNo }, opts),
          this.rpc.request(Rpc.approval.tasksOfCase, { caseNo }, opts).catch(emptyOn404),
          acting ?? this.actingDepartments(caller.actor, correlationId),
        ]);
        const ofCase = new Set([...tasks.map((t) => t.department), c.decidingAuthority?.department, c.immediateDecision?.department]);
        return departments.some((d) => ofCase.has(d));
      }
      case 'COURIER': {
        const deliveries = await this.rpc.request(Rpc.delivery.deliveriesOfCase, { caseNo }, opts).catch(emptyOn404);
        return deliveries.some((d) => d.method === 'COURIER');
      }
      case 'SUPERVISOR':
      case 'FINANCE':
      case 'ADMIN':
        return true;
      default:
        return false;
    }
  }

  /**
   * A list narrowed to the caller's scope (case search, deliveries): the items whose case it covers, in order. A page
   * may come back shorter than its limit; its nextCursor still continues the unfiltered listing.
   */
  async filter<T extends { caseNo: string }>(caller: Caller, items: T[], correlationId: string): Promise<T[]> {
    if (!SCOPED_ROLES.has(caller.actor.role)) return items;
    const acting = caller.actor.role === 'CHIEF_REP' ? await this.actingDepartments(caller.actor, correlationId) : undefined;
    const keep = await Promise.all(items.map((i) => this.allows(caller, i.caseNo, correlationId, acting).catch(falseOn404)));
    return items.filter((_, n) => keep[n]);
  }

  /**
   * A write at a center (POST /cases, POST /refusals): a CLERK only at one of their centers (403). A code that is no
   * center at all is left to intake, whose 422 lists it with every other problem of the request.
   */
  async assertCenter(caller: Caller, centerCode: unknown, correlationId: string): Promise<void> {
    if (caller.actor.role !== 'CLERK' || typeof centerCode !== 'string' || caller.user.centers.includes(centerCode)) return;
    if (!(await this.knownCenters(correlationId)).has(centerCode)) return;
    throw new AppError(ErrorCodes.AUTH_FORBIDDEN, `You do not work at center ${centerCode}.`, 403);
  }

  private centers?: { codes: Set<string>; at: number };

  /** The catalog's centers, kept a minute (they change with a catalog release, not per request). */
  private async knownCenters(correlationId: string): Promise<Set<string>> {
    if (this.centers && Date.now() - this.centers.at < 60_000) return this.centers.codes;
    const codes = new Set((await this.rpc.request(Rpc.intake.listCenters, {}, { correlationId })).map((c) => c.code));
    this.centers = { codes, at: Date.now() };
    return codes;
  }

  /**
   * Full ID number and phone: only the CLERK of the case's center and a CHIEF_REP of a department of the case (the
   * deciding department); every other role gets them masked. Call it only after allows() said yes.
   */
  seesPersonalData(caller: Caller): boolean {
    return caller.actor.role === 'CLERK' || caller.actor.role === 'CHIEF_REP';
  }

  /** The departments a chief representative may act for now (approval's ActingFor: own department, active delegations). */
  private async actingDepartments(actor: Actor, correlationId: string): Promise<string[]> {
    return (await this.rpc.request(Rpc.approval.actingDepartments, { actor }, { correlationId })).departments;
  }
}

const SCOPED_ROLES = new Set(['CLERK', 'CHIEF_REP', 'COURIER']);

/** The view's "yes" for a chief representative (a department of theirs has a task or decided) or a courier (a COURIER delivery). */
function inViewScope(caller: Caller, view: CaseDetailsView, departments: string[]): boolean {
  if (caller.actor.role === 'COURIER') return (view.deliveries ?? []).some((d) => d.method === 'COURIER');
  if (caller.actor.role !== 'CHIEF_REP') return false;
  const ofCase = new Set([...(view.tasks ?? []).map((t) => t.department), view.decidingAuthority?.department, view.immediateDecision?.department]);
  return departments.some((d) => ofCase.has(d));
}

/** A well-formed case number for a scope check; anything else is left to the route's own 400. */
export const isCaseRef = (v: unknown): v is string => typeof v === 'string' && RESOURCE_ID.test(v);

export const notFound = (caseNo: string) => AppError.notFound(ErrorCodes.CASE_NOT_FOUND, `No case ${caseNo}.`);

function emptyOn404(e: unknown): never[] {
  if (e instanceof AppError && e.status === 404) return [];
  throw e;
}

function falseOn404(e: unknown): false {
  if (e instanceof AppError && e.status === 404) return false;
  throw e;
}
