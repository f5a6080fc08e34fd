import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import type { WorkflowView } from '#libs/contracts';
import { caseNotFound } from '../workflow/case-no-query.js';
import { findWorkflow } from '../workflow/workflow-store.js';
import { suspensionsOf } from '../supplement/suspensions-of.js';
import { stageStatuses } from './stage-statuses.js';

@Injectable()
export class GetWorkflow {
  constructor(private readonly ds: DataSource) {}

  async run(caseNo: string): Promise<WorkflowView> {
    const wf = await findWorkflow(this.ds.manager, caseNo);
    if (!wf) throw caseNotFound(caseNo);
    return {
      caseNo: wf.case_no,
      itemCode: wf.item_code,
      status: wf.status,
      currentStage: wf.current_stage,
      stages: stageStatuses(wf.plan, wf.current_stage, wf.status),
      acceptedAt: toShanghai(wf.accepted_at)!,
      promisedDeadline: toShanghai(wf.promised_deadline)!,
      legalDeadline: toShanghai(wf.legal_deadline)!,
      ...(wf.deadline_estimated ? { deadlineEstimated: true, estimatedYears: wf.estimated_years ?? [] } : {}),
      suspensions: await suspensionsOf(this.ds.manager, wf.case_no),
      updatedAt: toShanghai(wf.updated_at)!,
    };
  }
}
