import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import type { MaterialRef, OverduePendingView } from '#libs/contracts';
import { queryRows } from '#libs/persistence';

/**
 * 电子监察: tolerant acceptances whose applicant has not brought the pending materials by the due date, most overdue
 * first. Withdrawn and rejected cases owe nothing any more and are left out.
 */
@Injectable()
export class OverduePending {
  constructor(private readonly ds: DataSource) {}

  async list(): Promise<OverduePendingView[]> {
    const rows = await queryRows<{
      case_no: string;
      item_code: string;
      item_name: string;
      center_code: string;
      accepted_at: Date;
      accepted_by: string;
      pending_due_at: Date;
      pending_materials: MaterialRef[];
    }>(
      this.ds.manager,
      `SELECT case_no, item_code, item_name, center_code, accepted_at, accepted_by, pending_due_at, pending_materials
         FROM intake.cases
        WHERE pending_due_at IS NOT NULL AND pending_materials <> '[]'::jsonb AND pending_due_at < now()
          AND status NOT IN ('WITHDRAWN', 'REJECTED')
        ORDER BY pending_due_at, case_no
        LIMIT 500`,
    );
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
