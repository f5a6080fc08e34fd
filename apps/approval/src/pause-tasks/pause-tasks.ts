import { Injectable } from '@nestjs/common';
import { Events, type CaseSuspendedData, type EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { SuspensionRepository } from '../task-clock/suspension.repository.js';

/**
 * 补正: routing suspended the case because a department asked the applicant for materials. The stage's other open
 * tasks are PAUSED (they cannot be decided, and show no time running or overdue) and the asking task, already
 * SUPPLEMENT_REQUESTED, waits with them; all reopen on CaseResumed. A suspension that already ended (its resume
 * overtook a second department's CaseSuspended) pauses nothing.
 */
@Injectable()
export class PauseTasks {
  constructor(
    private readonly suspensions: SuspensionRepository,
    private readonly tasks: ReviewTaskRepository,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseSuspendedData>): Promise<void> {
    const d = e.data;
    const suspensionId = d.suspensionId ?? e.id;
    await this.suspensions.add(tx.manager, suspensionId, e.caseNo, e.occurredAt);
    const s = await this.suspensions.lock(tx.manager, suspensionId);
    if (s?.resumed_at) return;
    const paused = await this.tasks.pauseOpen(tx.manager, e.caseNo, e.occurredAt, suspensionId);
    await this.tasks.holdAsking(tx.manager, d.taskId, suspensionId, e.occurredAt);
    // Routing suspended the case, but only approval knows which tasks that paused (routing's case view shows them).
    if (paused.length) tx.emit(Events.TasksChanged, e.caseNo, { reason: 'PAUSED', taskIds: paused });
  }
}
