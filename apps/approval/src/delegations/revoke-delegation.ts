import { Injectable } from '@nestjs/common';
import { AppError, commandProblems, ErrorCodes, RevokeDelegationSchema, type Command, type DelegationView } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { DelegationRepository } from './delegation.repository.js';
import { assertManages, toDelegationView } from './delegation-view.js';

/** Ends a backup's delegation now; it stays on record, revoked, for the audit trail. */
@Injectable()
export class RevokeDelegation {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly delegations: DelegationRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: Command<unknown>, correlationId: string): Promise<DelegationView> {
    const { value: r, problems } = commandProblems(RevokeDelegationSchema, command?.data);
    // A department or an id that cannot be one names no delegation.
    if (problems.length) throw AppError.notFound(ErrorCodes.DELEGATION_NOT_FOUND, `No delegation ${String(r.delegationId)} in ${String(r.department)}.`);
    assertManages(command.actor, r.department);
    return this.uow.run({ actor: command.actor, correlationId }, async (tx) => {
      const revoked = await this.delegations.revoke(tx.manager, r.delegationId, r.department, command.actor.id);
      if (!revoked) {
        const existing = await this.delegations.find(tx.manager, r.delegationId, r.department);
        if (!existing) throw AppError.notFound(ErrorCodes.DELEGATION_NOT_FOUND, `No delegation ${r.delegationId} in ${r.department}.`);
        throw AppError.conflict(ErrorCodes.DELEGATION_ALREADY_REVOKED, `Delegation ${r.delegationId} was already revoked.`, { delegation: toDelegationView(existing, new Date()) });
      }
      await this.audit.write(tx.manager, {
        actor: command.actor,
        action: 'DELEGATION_REVOKED',
        department: r.department,
        details: { delegationId: revoked.id, primaryUser: revoked.primary_user, backupUser: revoked.backup_user },
      });
      return toDelegationView(revoked, new Date());
    });
  }
}
