import { AppError, ErrorCodes, type CreateDelegationRequest, type Problem } from '#libs/contracts';

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

export const REASON_MAX_LENGTH = 500;
/** A backup covers an absence (leave, training, a trip), not a permanent second seat: at most one year. */
export const MAX_DELEGATION_DAYS = 366;
const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;
const DEPARTMENT = /^[A-Z0-9_-]{1,32}$/;

/** Every problem with a delegation at once; the gateway has already checked that both users exist. */
export function parseCreateDelegation(data: unknown, now: Date): CreateDelegationRequest & { validFrom: Date; validTo: Date } {
  const d = (data ?? {}) as Partial<Record<keyof CreateDelegationRequest, unknown>>;
  const problems: Problem[] = [];
  if (typeof d.department !== 'string' || !DEPARTMENT.test(d.department)) problems.push({ field: 'department', rule: 'isDepartment', message: 'department must be a department code.' });
  for (const field of ['primaryUser', 'backupUser'] as const) {
    if (typeof d[field] !== 'string' || !USERNAME.test(d[field] as string)) problems.push({ field, rule: 'isUsername', message: `${field} must be a username.` });
  }
  if (typeof d.primaryUser === 'string' && d.primaryUser === d.backupUser) {
    problems.push({ field: 'backupUser', rule: 'notPrimary', message: 'The backup must be someone other than the chief representative they stand in for.' });
  }
  const from = typeof d.from === 'string' ? new Date(d.from) : new Date(NaN);
  const to = typeof d.to === 'string' ? new Date(d.to) : new Date(NaN);
  if (Number.isNaN(from.getTime())) problems.push({ field: 'from', rule: 'isDateTime', message: 'from must be a date-time (ISO 8601).' });
  if (Number.isNaN(to.getTime())) problems.push({ field: 'to', rule: 'isDateTime', message: 'to must be a date-time (ISO 8601).' });
  if (!Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime())) {
    if (to.getTime() <= from.getTime()) problems.push({ field: 'to', rule: 'after', message: 'to must be after from.' });
    else if (to.getTime() - from.getTime() > MAX_DELEGATION_DAYS * 86_400_000) {
      problems.push({ field: 'to', rule: 'maxPeriod', message: `A delegation covers at most ${MAX_DELEGATION_DAYS} days.` });
    }
    if (to.getTime() <= now.getTime()) problems.push({ field: 'to', rule: 'future', message: 'to must lie in the future: this delegation would never be active.' });
  }
  const reason = typeof d.reason === 'string' ? d.reason.trim() : '';
  if (!reason) problems.push({ field: 'reason', rule: 'required', message: 'Say why the backup stands in (leave, training, …).' });
  if (reason.length > REASON_MAX_LENGTH) problems.push({ field: 'reason', rule: 'maxLength', message: `reason must be at most ${REASON_MAX_LENGTH} characters.` });
  if (problems.length) throw AppError.invalid(ErrorCodes.DELEGATION_INVALID, problems);
  return {
    department: d.department as string,
    primaryUser: d.primaryUser as string,
    backupUser: d.backupUser as string,
    from: from.toISOString(),
    to: to.toISOString(),
    reason,
    validFrom: from,
    validTo: to,
  };
}
