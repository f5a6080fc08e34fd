import { Injectable } from '@nestjs/common';
import type { Command, DelegationView } from '#libs/contracts';
import { newId, UnitOfWork } from '#libs/messaging';
import { AuditLogRepository } from '../audit/audit-log.repository.js';
import { DelegationRepository } from './delegation.repository.js';
import { checkNewDelegation } from './delegation-rules.js';
import { assertManages, toDelegationView } from './delegation-view.js';

/**
 * Backups (AB岗): an administrator or the department's own chief representative names who stands in, from when to
 * when, and why. The gateway checks both users exist; approval keeps the delegation, since it is approval that lets
 * the backup decide. Delegations are revoked, never deleted: the audit trail must still say who could act when.
 */
@Injectable()
export class CreateDelegation {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly delegations: DelegationRepository,
    private readonly audit: AuditLogRepository,
  ) {}

  async execute(command: Command<unknown>, correlationId: string): Promise<DelegationView> {
    const now = new Date();
    const d = checkNewDelegation(command?.data, now);
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
      return toDelegationView(row, now);
    });
  }
}
