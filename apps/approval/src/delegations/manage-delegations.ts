import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, type Actor, type Command, type DelegationView, type RevokeDelegationRequest } from '#libs/contracts';
import { newId, UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { DelegationRepository, type DelegationRow } from './delegation.repository.js';
import { isDelegationActive, parseCreateDelegation } from './delegation-rules.js';

const DEPARTMENT = /^[A-Z0-9_-]{1,32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Backups (AB岗): an administrator or the department's own chief representative names who stands in, from when to
 * when, and why. The gateway checks both users exist; approval keeps the delegation, since it is approval that lets
 * the backup decide. Delegations are revoked, never deleted: the audit trail must still say who could act when.
 */
@Injectable()
export class ManageDelegations {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly delegations: DelegationRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async create(command: Command<unknown>, correlationId: string): Promise<DelegationView> {
    const now = new Date();
    const d = parseCreateDelegation(command?.data, now);
    assertManages(command.actor, d.department);
    return this.uow.run({ actor: command.actor, correlationId }, async (tx) => {
      const row = await this.delegations.add(tx.manager, {
        id: newId(),
        department: d.department,
        primaryUser: d.primaryUser,
        backupUser: d.backupUser,
        validFrom: d.validFrom,
        validTo: d.validTo,
        reason: d.reason,
        createdBy: command.actor.id,
      });
      await this.audit.write(tx.manager, {
        actor: command.actor,
        action: 'DELEGATION_CREATED',
        department: d.department,
        details: { delegationId: row.id, primaryUser: d.primaryUser, backupUser: d.backupUser, from: d.from, to: d.to, reason: d.reason },
      });
      return toView(row, now);
    });
  }

  async list(query: unknown): Promise<DelegationView[]> {
    const department = (query as { department?: unknown } | null)?.department;
    if (typeof department !== 'string' || !DEPARTMENT.test(department)) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'department', rule: 'isDepartment', message: 'department must be a department code.' }]);
    }
    const rows = await this.delegations.ofDepartment(department);
    const now = new Date();
    return rows.map((r) => toView(r, now));
  }

  async revoke(command: Command<unknown>, correlationId: string): Promise<DelegationView> {
    const r = (command?.data ?? {}) as Partial<RevokeDelegationRequest>;
    if (typeof r.department !== 'string' || !DEPARTMENT.test(r.department) || typeof r.delegationId !== 'string' || !UUID.test(r.delegationId)) {
      throw AppError.notFound(ErrorCodes.DELEGATION_NOT_FOUND, `No delegation ${String(r.delegationId)} in ${String(r.department)}.`);
    }
    assertManages(command.actor, r.department);
    return this.uow.run({ actor: command.actor, correlationId }, async (tx) => {
      const revoked = await this.delegations.revoke(tx.manager, r.delegationId!, r.department!, command.actor.id);
      if (!revoked) {
        const existing = await this.delegations.find(tx.manager, r.delegationId!, r.department!);
        if (!existing) throw AppError.notFound(ErrorCodes.DELEGATION_NOT_FOUND, `No delegation ${r.delegationId} in ${r.department}.`);
        throw AppError.conflict(ErrorCodes.DELEGATION_ALREADY_REVOKED, `Delegation ${r.delegationId} was already revoked.`, { delegation: toView(existing, new Date()) });
      }
      await this.audit.write(tx.manager, {
        actor: command.actor,
        action: 'DELEGATION_REVOKED',
        department: r.department!,
        details: { delegationId: revoked.id, primaryUser: revoked.primary_user, backupUser: revoked.backup_user },
      });
      return toView(revoked, new Date());
    });
  }
}

/** An administrator, or a chief representative of this very department (checked by the gateway too). */
function assertManages(actor: Actor | undefined, department: string): void {
  if (actor?.role === 'ADMIN') return;
  if (actor?.role === 'CHIEF_REP' && actor.department === department) return;
  throw AppError.forbidden(ErrorCodes.DEPARTMENT_NOT_YOURS, `Only an administrator or ${department}'s chief representative manages its backups.`);
}

function toView(r: DelegationRow, now: Date): DelegationView {
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
