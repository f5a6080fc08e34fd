import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CaseQuery, CaseView } from '#libs/contracts';
import { toShanghai } from '#libs/calendar';
import { maskIdNumber, maskPhone } from '#libs/checks';
import { CaseRepository } from '../case/case.repository.js';
import { CenterRepository } from '../catalog/center.repository.js';

/** rpc.intake.case.get: the case as staff see it, the applicant's ID number and phone masked. */
@Injectable()
export class GetCase {
  constructor(
    private readonly ds: DataSource,
    private readonly cases: CaseRepository,
    private readonly centers: CenterRepository,
  ) {}

  /** Names come from the case row: the item version it was accepted under, whatever the catalog says today. */
  async execute(query: CaseQuery): Promise<CaseView> {
    const r = await this.cases.get(this.ds.manager, String(query.caseNo ?? ''));
    const centerName = await this.centers.nameOf(r.center_code);
    const pending = r.pending_materials ?? [];
    return {
      caseNo: r.case_no,
      itemCode: r.item_code,
      itemName: r.item_name,
      itemVersion: r.item_version,
      caseType: r.case_type,
      centerCode: r.center_code,
      ...(centerName !== undefined ? { centerName } : {}),
      status: r.status,
      applicant: { ...r.applicant, idNumber: maskIdNumber(r.applicant.idNumber), phone: maskPhone(r.applicant.phone) },
      materials: r.materials,
      form: r.form,
      delivery: r.delivery.phone ? { ...r.delivery, phone: maskPhone(r.delivery.phone) } : r.delivery,
      acceptedAt: toShanghai(r.accepted_at)!,
      acceptedBy: r.accepted_by,
      promisedDeadline: toShanghai(r.promised_deadline)!,
      legalDeadline: toShanghai(r.legal_deadline)!,
      pendingMaterials: pending,
      ...(r.pending_due_at ? { pendingDueAt: toShanghai(r.pending_due_at)! } : {}),
      ...(r.deciding_authority ? { decidingAuthority: r.deciding_authority } : {}),
      ...(r.immediate_decision ? { immediateDecision: { ...r.immediate_decision, decidedAt: toShanghai(r.immediate_decision.decidedAt)! } } : {}),
      ...(r.withdrawn_at ? { withdrawnAt: toShanghai(r.withdrawn_at)!, withdrawReason: r.withdraw_reason ?? '' } : {}),
    };
  }

}
