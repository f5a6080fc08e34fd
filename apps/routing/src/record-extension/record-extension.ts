import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import type { EventEnvelope, TaskExtendedData } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { Clocks } from '../clock/clocks.js';
import { TimelineRepository } from '../timeline/timeline.repository.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';

/**
 * 延期: a department extended its task (approval checked once-only and the legal limit). The extension goes on the
 * case's timeline and the task's clock takes the new due time; the case's own promised deadline does not move.
 */
@Injectable()
export class RecordExtension {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly workflows: WorkflowRepository,
    private readonly timeline: TimelineRepository,
    private readonly clocks: Clocks,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<TaskExtendedData>): Promise<void> {
    await this.workflows.lock(tx.manager, e.caseNo);
    await this.timeline.record(tx.manager, e);
    const d = e.data;
    await this.clocks.extendTaskClock(tx.manager, { caseNo: e.caseNo, stage: d.stage, department: d.department, taskId: d.taskId }, new Date(d.dueAt), d.workingDays, this.config.warningThreshold);
  }
}
