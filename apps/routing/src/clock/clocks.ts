import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { warningTimes, WorkingCalendar, type Interval } from '#libs/calendar';
import type { ReviewStage } from '#libs/contracts';
import { newId } from '#libs/messaging';
import { SuspensionRepository } from '../supplement/suspension.repository.js';
import { WorkflowRepository, type WorkflowRow } from '../workflow/workflow.repository.js';
import { ClockRepository, type TaskClockKey } from './clock.repository.js';
import { estimateOf, moveDue, stageDueAt } from './deadline-moves.js';

export const calendar = (): WorkingCalendar => WorkingCalendar.official();

/** Case statuses in which the clocks run (or stand paused): anything else has been decided or withdrawn. */
export const RUNNING_CASE_STATUSES = ['ACCEPTED', 'IN_REVIEW', 'SUSPENDED'];

export function yellowAtFor(start: Date, due: Date, stops: Interval[], threshold: number): Date {
  return warningTimes(calendar(), { start, due, stops, threshold }).yellowAt;
}

/**
 * The clocks routing keeps, as the case moves: every change of a clock recomputes when its yellow comes. Callers
 * hold the workflow's row lock, so one case's clocks change one event at a time. `threshold` is the service's
 * `ServiceConfig.warningThreshold`.
 */
@Injectable()
export class Clocks {
  constructor(
    private readonly clocks: ClockRepository,
    private readonly suspensions: SuspensionRepository,
    private readonly workflows: WorkflowRepository,
  ) {}

  /**
   * A workflow started: the case's clock runs from acceptance to the promised deadline, and the workflow says whether
   * its deadlines were computed over a year without an official schedule (weekends only assumed).
   */
  async startCaseClock(m: EntityManager, wf: WorkflowRow, threshold: number): Promise<void> {
    const estimate = estimateOf(calendar(), wf.accepted_at, wf.legal_deadline > wf.promised_deadline ? wf.legal_deadline : wf.promised_deadline);
    await this.workflows.recordEstimate(m, wf.case_no, estimate);
    await this.clocks.openCaseClock(m, {
      caseNo: wf.case_no,
      itemCode: wf.item_code,
      itemName: wf.item_name,
      startedAt: wf.accepted_at,
      dueAt: wf.promised_deadline,
      yellowAt: yellowAtFor(wf.accepted_at, wf.promised_deadline, [], threshold),
    });
  }

  /**
   * A stage opened: one clock per department, with the id approval will give the task (routing names it, so a
   * warning can say which task). Due at the promised deadline, or at the stage's own share (see stageDueAt).
   */
  async openTaskClocks(
    m: EntityManager,
    wf: WorkflowRow,
    stage: ReviewStage,
    openedAt: Date,
    threshold: number,
  ): Promise<{ dueAt: Date; taskIds: Record<string, string> }> {
    const dueAt = stageDueAt(calendar(), stage, openedAt, wf.promised_deadline);
    const yellowAt = yellowAtFor(openedAt, dueAt, [], threshold);
    const taskIds: Record<string, string> = {};
    for (const department of new Set(stage.departments)) {
      taskIds[department] = await this.clocks.openTaskClock(m, {
        caseNo: wf.case_no,
        stage: stage.stage,
        department,
        taskId: newId(),
        itemCode: wf.item_code,
        itemName: wf.item_name,
        startedAt: openedAt,
        dueAt,
        yellowAt,
      });
    }
    return { dueAt, taskIds };
  }

  /**
   * The supplement is in: the paused clocks run again, each due time moved by the working days the case stood
   * still (the case's to its moved promised deadline), and yellow recomputed with the suspension left out.
   */
  async resumeClocks(m: EntityManager, caseNo: string, days: number, promisedDeadline: Date, threshold: number): Promise<void> {
    const stops = await this.suspensions.stopsOf(m, caseNo);
    for (const c of await this.clocks.lockPausedCaseClocks(m, caseNo)) {
      await this.clocks.runCaseClock(m, caseNo, promisedDeadline, yellowAtFor(c.started_at, promisedDeadline, stops, threshold));
    }
    for (const t of await this.clocks.lockPausedTaskClocks(m, caseNo)) {
      const due = moveDue(calendar(), t.due_at, days);
      await this.clocks.runTaskClock(m, { caseNo, stage: t.stage, department: t.department }, due, yellowAtFor(t.started_at, due, stops, threshold));
    }
  }

  /** 延期: the task's own due time moved; its yellow moves with it. A level already raised stays raised. */
  async extendTaskClock(m: EntityManager, t: TaskClockKey & { taskId: string }, dueAt: Date, workingDays: number, threshold: number): Promise<void> {
    const row = await this.clocks.lockUnclosedTaskClock(m, t);
    if (!row) return;
    const yellowAt = yellowAtFor(row.started_at, dueAt, await this.suspensions.stopsOf(m, t.caseNo), threshold);
    await this.clocks.extendTaskClock(m, t, dueAt, yellowAt, workingDays);
  }

  /**
   * The case was decided (or ended otherwise): its clock stops with that outcome, every task clock still running
   * stops too, and a suspension still open ends without moving anything.
   */
  async closeCaseClocks(m: EntityManager, caseNo: string, outcome: string, at: Date = new Date()): Promise<void> {
    await this.clocks.closeCaseClocks(m, caseNo, outcome, at);
    await this.suspensions.endWithCase(m, caseNo, at);
  }
}
