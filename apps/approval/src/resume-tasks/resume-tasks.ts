import { Injectable } from '@nestjs/common';
import { workingMsBetween, WorkingCalendar } from '#libs/calendar';
import { Events, type CaseResumedData, type EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { ReviewTaskRepository } from '../review-task/review-task.repository.js';
import { CaseClockRepository } from '../task-clock/case-clock.repository.js';
import { SuspensionRepository } from '../task-clock/suspension.repository.js';

/**
 * The applicant supplied what was asked for: routing resumed the case. Every task that waited (PAUSED, and the
 * department's own SUPPLEMENT_REQUESTED task) is OPEN again, due later by the working days the case stood still,
 * and the department that asked decides afresh (its earlier request stays on the case's timeline).
 * A resume that overtook its suspension is retried until the suspension has been applied.
 */
@Injectable()
export class ResumeTasks {
  private readonly calendar = WorkingCalendar.official();

  constructor(
    private readonly suspensions: SuspensionRepository,
    private readonly tasks: ReviewTaskRepository,
    private readonly caseClocks: CaseClockRepository,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseResumedData>): Promise<void> {
    const d = e.data;
    const m = tx.manager;
    const s = d.suspensionId ? await this.suspensions.lock(m, d.suspensionId) : await this.suspensions.lockLatestUnresumed(m, e.caseNo);
    if (!s) throw new Error(`case ${e.caseNo}: resumed before its suspension ${d.suspensionId ?? ''} reached approval`);
    if (s.resumed_at) return;
    await this.suspensions.markResumed(m, s.suspension_id, e.occurredAt, d.suspendedWorkingDays);
    await this.caseClocks.rememberLegalDeadline(m, e.caseNo, d.legalDeadline);
    const waiting = await this.tasks.lockWaiting(m, e.caseNo);
    const pausedMs = Math.round(workingMsBetween(this.calendar, s.started_at, new Date(e.occurredAt)));
    for (const t of waiting) {
      const due = d.suspendedWorkingDays > 0 ? this.calendar.extend(t.due_at, d.suspendedWorkingDays).at : t.due_at;
      await this.tasks.reopen(m, t.id, due, pausedMs);
    }
    // The tasks are open again and due later: routing's case view shows them, and nothing else says so.
    if (waiting.length) tx.emit(Events.TasksChanged, e.caseNo, { reason: 'RESUMED', taskIds: waiting.map((t) => t.id) });
  }
}
