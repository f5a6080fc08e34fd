import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import type { OverduePendingView } from '#libs/contracts';
import { CaseRepository } from '../case/case.repository.js';

/**
 * 电子监察: tolerant acceptances whose applicant has not brought the pending materials by the due date, most overdue
 * first. Withdrawn and rejected cases owe nothing any more and are left out.
 */
@Injectable()
export class OverduePending {
  constructor(private readonly cases: CaseRepository) {}

  async execute(): Promise<OverduePendingView[]> {
    const rows = await this.cases.overduePending();
    return rows.map((r) => ({
      caseNo: r.case_no,
      itemCode: r.item_code,
      itemName: r.item_name,
      centerCode: r.center_code,
      acceptedAt: toShanghai(r.accepted_at)!,
      acceptedBy: r.accepted_by,
      pendingDueAt: toShanghai(r.pending_due_at)!,
      pending: r.pending_materials,
    }));
  }
}
