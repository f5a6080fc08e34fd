import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import type { EntityManager } from 'typeorm';
import { CaseStatus, Events, type CaseSupplementedData, type EventEnvelope } from '#libs/contracts';
import type { Tx } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { calendar, Clocks } from '../clock/clocks.js';
import { moveBySuspension } from '../clock/deadline-moves.js';
import { TimelineRepository } from '../timeline/timeline.repository.js';
import { TimelineWriter } from '../timeline/timeline-writer.js';
import { WorkflowRepository } from '../workflow/workflow.repository.js';
import { unanswered } from './supplement-match.js';
import { SuspensionRepository } from './suspension.repository.js';

/**
 * Materials arrived at the window (intake's CaseSupplemented). If the case waits for a supplement and everything
 * asked for is now in (this supplement together with earlier ones of the same suspension; matched by code, else by
 * name), the suspension ends: the deadlines move by the working days it lasted, the paused clocks run again and
 * CaseResumed tells approval to reopen the tasks. Otherwise the case stays suspended and the timeline says what
 * is still missing. A supplement while the case is not suspended (容缺 materials) only goes on the timeline.
 */
@Injectable()
export class ResumeCase {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly workflows: WorkflowRepository,
    private readonly suspensions: SuspensionRepository,
    private readonly clocks: Clocks,
    private readonly timeline: TimelineRepository,
    private readonly onTimeline: TimelineWriter,
  ) {}

  async execute(tx: Tx, e: EventEnvelope<CaseSupplementedData>): Promise<void> {
    const m = tx.manager;
    const wf = await this.workflows.lock(m, e.caseNo);
    const open = wf.status === CaseStatus.SUSPENDED ? await this.suspensions.lockOpen(m, e.caseNo) : undefined;
    if (!open) return this.timeline.record(m, e);

    const supplied = [...(open.supplied ?? []), ...(e.data.materials ?? [])];
    const missing = unanswered(open.requested ?? [], supplied);
    if (missing.length) {
      await this.suspensions.setSupplied(m, open.id, supplied);
      return this.recordWithVerdict(m, e, {
        suspension: { suspensionId: open.id, answersRequest: false, stillMissing: missing, note: '补正材料不齐，案件仍暂停计时 / the supplement does not answer the request: the case stays suspended' },
      });
    }

    const suppliedAt = new Date(e.occurredAt);
    const resumedAt = suppliedAt < open.started_at ? open.started_at : suppliedAt;
    const moved = moveBySuspension(
      calendar(),
      { promised: wf.promised_deadline, legal: wf.legal_deadline, estimated: wf.deadline_estimated ?? false, estimatedYears: wf.estimated_years ?? [] },
      open.started_at,
      resumedAt,
    );
    await this.suspensions.endSupplied(m, open.id, resumedAt, supplied, moved.days);
    await this.workflows.resume(m, wf.case_no, moved);
    await this.recordWithVerdict(m, e, { suspension: { suspensionId: open.id, answersRequest: true } });
    await this.clocks.resumeClocks(m, wf.case_no, moved.days, moved.promised, this.config.warningThreshold);
    await this.onTimeline.emit(tx, Events.CaseResumed, wf.case_no, {
      suspendedWorkingDays: moved.days,
      promisedDeadline: moved.promised.toISOString(),
      legalDeadline: moved.legal.toISOString(),
      suspensionId: open.id,
      suspendedAt: open.started_at.toISOString(),
      reason: open.reason,
    });
  }

  /** Puts the event on the timeline with what routing made of it, so the entry says whether the clock runs again. */
  private async recordWithVerdict(m: EntityManager, e: EventEnvelope, verdict: Record<string, unknown>): Promise<void> {
    await this.timeline.record(m, e);
    await this.timeline.addToEntry(m, e.id, verdict);
  }
}
