import { Injectable } from '@nestjs/common';
import type { EventEnvelope, TaskExtendedData } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { extendTaskClock } from '../clock/clock-store.js';
import { recordOnTimeline } from '../timeline/timeline-writer.js';
import { lockWorkflow } from '../workflow/workflow-store.js';

/**
 * 延期: a department extended its task (approval checked once-only and the legal limit). The extension goes on the
 * case's timeline and the task's clock takes the new due time; the case's own promised deadline does not move.
 */
@Injectable()
export class RecordExtension {
  async run(e: EventEnvelope<TaskExtendedData>, tx: Tx): Promise<void> {
    await lockWorkflow(tx.manager, e.caseNo);
    await recordOnTimeline(tx.manager, e);
    const d = e.data;
    await extendTaskClock(tx.manager, { caseNo: e.caseNo, stage: d.stage, department: d.department, taskId: d.taskId }, new Date(d.dueAt), d.workingDays);
  }
}
