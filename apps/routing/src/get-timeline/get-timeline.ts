import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import type { CaseQuery, TimelineEntry } from '#libs/contracts';
import { TimelineRepository } from '../timeline/timeline.repository.js';
import { caseNoOf, caseNotFound } from '../workflow/case-no-query.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';

@Injectable()
export class GetTimeline {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly timeline: TimelineRepository,
  ) {}

  /** In the order things happened. */
  async execute(query: CaseQuery): Promise<TimelineEntry[]> {
    const caseNo = caseNoOf(query);
    if (!(await this.workflows.find(caseNo))) throw caseNotFound(caseNo);
    const rows = await this.timeline.ofCase(caseNo);
    return rows.map((r) => ({ at: toShanghai(r.at)!, type: r.type, actor: r.actor, data: r.data }));
  }
}
