import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import type { TimelineEntry } from '#libs/contracts';
import { TimelineRepository } from '../timeline/timeline.repository.js';
import { caseNotFound } from '../workflow/case-no-query.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';

@Injectable()
export class GetTimeline {
  constructor(
    private readonly workflows: WorkflowRepository,
    private readonly timeline: TimelineRepository,
  ) {}

  /** In the order things happened. */
  async run(caseNo: string): Promise<TimelineEntry[]> {
    if (!(await this.workflows.find(caseNo))) throw caseNotFound(caseNo);
    const rows = await this.timeline.ofCase(caseNo);
    return rows.map((r) => ({ at: toShanghai(r.at)!, type: r.type, actor: r.actor, data: r.data }));
  }
}
