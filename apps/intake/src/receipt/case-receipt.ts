import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import { maskIdNumber, maskPhone } from '#libs/checks';
import type { CaseQuery, ReceiptView } from '#libs/contracts';
import { CaseRepository } from '../case/case.repository.js';
import { CenterRepository } from '../catalog/center.repository.js';

/**
 * What the acceptance receipt (受理通知书) prints, from the case as it was accepted: the item version's name, the
 * deadlines computed then, the accepting center. Materials received include those supplemented since.
 */
@Injectable()
export class CaseReceipt {
  constructor(
    private readonly ds: DataSource,
    private readonly cases: CaseRepository,
    private readonly centers: CenterRepository,
  ) {}

  async execute(query: CaseQuery): Promise<ReceiptView> {
    const c = await this.cases.get(this.ds.manager, String(query?.caseNo ?? ''));
    const center = await this.centers.heading(c.center_code);
    const d = c.immediate_decision;
    return {
      caseNo: c.case_no,
      itemCode: c.item_code,
      itemName: c.item_name,
      itemVersion: c.item_version,
      caseType: c.case_type,
      applicant: { ...c.applicant, idNumber: maskIdNumber(c.applicant.idNumber), phone: maskPhone(c.applicant.phone) },
      received: c.materials.filter((m) => m.provided).map((m) => ({ code: m.code, name: m.name })),
      pending: c.pending_materials ?? [],
      ...(c.pending_due_at && c.pending_materials?.length ? { pendingDueAt: toShanghai(c.pending_due_at)! } : {}),
      acceptedAt: toShanghai(c.accepted_at)!,
      promisedDeadline: toShanghai(c.promised_deadline)!,
      legalDeadline: toShanghai(c.legal_deadline)!,
      center: center ?? { code: c.center_code, name: c.center_code, level: '' },
      acceptedBy: c.accepted_by,
      ...(c.deciding_authority ? { decidingAuthority: c.deciding_authority } : {}),
      ...(d ? { immediateDecision: { decision: d.decision, opinion: d.opinion, decidedBy: d.decidedBy } } : {}),
      ...(c.reply?.feeEstimate ? { feeEstimate: c.reply.feeEstimate } : {}),
      status: c.status,
    };
  }
}
