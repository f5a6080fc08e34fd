import { AppError, commandProblems, CreateDelegationSchema, ErrorCodes, MAX_DELEGATION_DAYS, type CreateDelegationRequest, type Problem } from '#libs/contracts';

export interface DelegationPeriod {
  validFrom: Date;
  validTo: Date;
  revokedAt: Date | null;
}

/**
 * A backup (AB岗) may act for the department while now lies within [from, to], both ends included, and nobody
 * revoked the delegation. The SQL in delegation.repository.ts (activeFor) says the same; keep the two in step.
 */
export function isDelegationActive(d: DelegationPeriod, now: Date): boolean {
  if (d.revokedAt && d.revokedAt.getTime() <= now.getTime()) return false;
  return d.validFrom.getTime() <= now.getTime() && now.getTime() <= d.validTo.getTime();
}

/**
 * The rules of a delegation's own that need more than its shape: whom it names (the gateway always names the
 * primary), and its period, against now.
 */
export function delegationProblems(d: { primaryUser?: unknown; backupUser?: unknown; from?: unknown; to?: unknown }, now: Date): Problem[] {
  const problems: Problem[] = [];
  if (d.primaryUser === undefined || d.primaryUser === null) problems.push({ field: 'primaryUser', rule: 'isDefined', message: 'primaryUser is required' });
  if (typeof d.primaryUser === 'string' && d.primaryUser === d.backupUser) {
    problems.push({ field: 'backupUser', rule: 'notPrimary', message: 'The backup must be someone other than the chief representative they stand in for.' });
  }
  const from = typeof d.from === 'string' ? new Date(d.from) : new Date(NaN);
  const to = typeof d.to === 'string' ? new Date(d.to) : new Date(NaN);
  if (!Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime())) {
    if (to.getTime() <= from.getTime()) problems.push({ field: 'to', rule: 'after', message: 'to must be after from.' });
    else if (to.getTime() - from.getTime() > MAX_DELEGATION_DAYS * 86_400_000) {
      problems.push({ field: 'to', rule: 'maxPeriod', message: `A delegation covers at most ${MAX_DELEGATION_DAYS} days.` });
    }
    if (to.getTime() <= now.getTime()) problems.push({ field: 'to', rule: 'future', message: 'to must lie in the future: this delegation would never be active.' });
  }
  return problems;
}

/**
 * Every problem with a new delegation at once, the shared schema's (CreateDelegationSchema) and the rules above
 * (422 DELEGATION.INVALID); the gateway has already checked that both users exist. Times come back in UTC.
 */
export function checkNewDelegation(data: unknown, now: Date): CreateDelegationRequest & { validFrom: Date; validTo: Date } {
  const { value, problems } = commandProblems(CreateDelegationSchema, data);
  problems.push(...delegationProblems(value, now));
  if (problems.length) throw AppError.invalid(ErrorCodes.DELEGATION_INVALID, problems);
  const validFrom = new Date(value.from);
  const validTo = new Date(value.to);
  return {
    department: value.department,
    primaryUser: value.primaryUser!,
    backupUser: value.backupUser,
    from: validFrom.toISOString(),
    to: validTo.toISOString(),
    reason: value.reason.trim(),
    validFrom,
    validTo,
  };
}
