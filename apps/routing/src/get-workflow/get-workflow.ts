import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import type { CaseQuery, WorkflowView } from '#libs/contracts';
import { caseNoOf, caseNotFound } from '../workflow/case-no-query.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';
import { SuspensionRepository } from '../supplement/suspension.repository.js';
import { toSuspensionView } from '../supplement/suspension-view.js';
import { stageStatuses } from './stage-statuses.js';

@Injectable()
export class GetWorkflow {
  constructor(
    private readonly ds: DataSource,
    private readonly workflows: WorkflowRepository,
    private readonly suspensions: SuspensionRepository,
  ) {}

  async execute(query: CaseQuery): Promise<WorkflowView> {
    const caseNo = caseNoOf(query);
    const wf = await this.workflows.find(caseNo);
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
      suspensions: (await this.suspensions.ofCase(this.ds.manager, wf.case_no)).map(toSuspensionView),
      updatedAt: toShanghai(wf.updated_at)!,
    };
  }
}
