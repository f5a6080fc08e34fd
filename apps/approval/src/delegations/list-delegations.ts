import { Injectable } from '@nestjs/common';
import { AppError, DEPARTMENT_CODE, ErrorCodes, type DelegationView } from '#libs/contracts';
import { DelegationRepository } from './delegation.repository.js';
import { toDelegationView } from './delegation-view.js';

/** A department's backups, revoked ones included (the audit trail must still say who could act when). */
@Injectable()
export class ListDelegations {
  constructor(private readonly delegations: DelegationRepository) {}

  async execute(query: unknown): Promise<DelegationView[]> {
    const department = (query as { department?: unknown } | null)?.department;
    if (typeof department !== 'string' || !DEPARTMENT_CODE.test(department)) {
      throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'department', rule: 'isDepartment', message: 'department must be a department code.' }]);
    }
    const rows = await this.delegations.ofDepartment(department);
    const now = new Date();
    return rows.map((r) => toDelegationView(r, now));
  }
}
