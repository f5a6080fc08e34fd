import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, type Actor, type DelegationView } from '#libs/contracts';
import { isDelegationActive } from './delegation-rules.js';
import type { DelegationRow } from './delegation.repository.js';

/** An administrator, or a chief representative of this very department (checked by the gateway too). */
export function assertManages(actor: Actor | undefined, department: string): void {
  if (actor?.role === 'ADMIN') return;
  if (actor?.role === 'CHIEF_REP' && actor.department === department) return;
  throw AppError.forbidden(ErrorCodes.DEPARTMENT_NOT_YOURS, `Only an administrator or ${department}'s chief representative manages its backups.`);
}

export function toDelegationView(r: DelegationRow, now: Date): DelegationView {
  return {
    delegationId: r.id,
    department: r.department,
    primaryUser: r.primary_user,
    backupUser: r.backup_user,
    from: toShanghai(r.valid_from)!,
    to: toShanghai(r.valid_to)!,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: toShanghai(r.created_at)!,
    ...(r.revoked_at ? { revokedAt: toShanghai(r.revoked_at)!, revokedBy: r.revoked_by ?? undefined } : {}),
    active: isDelegationActive({ validFrom: r.valid_from, validTo: r.valid_to, revokedAt: r.revoked_at }, now),
  };
}
