import type { MaterialRef } from './events.js';

/**
 * The clock (issue #4): time limits (法定时限/承诺时限), supplements (补正), extensions (延期), warnings (预警) and
 * supervision (电子监察). Subjects are in rpc.ts (Rpc.routing.supervision*, Rpc.routing.runWarningSweep,
 * Rpc.approval.extendTask); events in events.ts (CaseSuspended, CaseResumed, TaskExtended, WarningRaised).
 */

/** One stop of a case's clock: from the supplement request until the requested materials were all in. */
export interface SuspensionView {
  suspensionId: string;
  startedAt: string;
  /** Absent while the case still waits for the applicant. */
  endedAt?: string;
  reason: string;
  requested: MaterialRef[];
  /** The department (and its task) that asked; a second department asking meanwhile adds to `requested`. */
  department: string;
  taskId: string;
  /** Working days the deadlines moved by when it ended (calendar.workingDaysBetween). */
  suspendedWorkingDays?: number;
  /** SUPPLIED: the applicant brought everything asked for; CASE_CLOSED: the case ended while suspended. */
  endReason?: 'SUPPLIED' | 'CASE_CLOSED';
}

/** The one extension a task may get. */
export interface TaskExtensionView {
  workingDays: number;
  reason: string;
  extendedBy: string;
  extendedAt: string;
  previousDueAt: string;
}

/** rpc.approval.task.extend: Command<ExtendTaskRequest> → TaskView. */
export interface ExtendTaskRequest {
  taskId: string;
  workingDays: number;
  reason: string;
}

export type WarningLevelRaised = 'YELLOW' | 'RED';

/** rpc.routing.supervision.warnings {department?, level?} → SupervisionWarningView[] (red first, then soonest due). */
export interface SupervisionWarningsQuery {
  department?: string;
  level?: WarningLevelRaised | 'BLOCKED';
}

/** Why a case stands still: a service parked one of its events as a dead letter (see libs/messaging dead-letters). */
export interface CaseBlockView {
  service: string;
  consumer: string;
  eventType?: string;
  reason: string;
  parkedAt: string;
  deadLetterSeq: number;
}

export interface SupervisionWarningView {
  caseNo: string;
  itemCode: string;
  itemName: string;
  subject: 'CASE' | 'TASK';
  taskId?: string;
  stage?: number;
  department?: string;
  /** The highest level raised for the item so far; BLOCKED for a case a service could not go on with. */
  level: WarningLevelRaised | 'BLOCKED';
  /** Absent for BLOCKED items. */
  dueAt?: string;
  raisedAt: string;
  blockedBy?: CaseBlockView;
}

/** rpc.routing.supervision.stats {from?, to?} (Shanghai dates, both inclusive) → SupervisionStatsView. */
export interface SupervisionStatsQuery {
  from?: string;
  to?: string;
}

/** Counts and working times of one department's tasks, or of one item's cases. */
export interface ClockFigures {
  /** Started (case accepted / task created) within the period. */
  accepted: number;
  /** Decided (approved or rejected) within the period. */
  completed: number;
  /** Of those completed: decided by the due time, and after it. */
  onTime: number;
  overdue: number;
  /** Working days from start to decision, suspensions left out; null when nothing was completed. */
  averageWorkingDays: number | null;
  p90WorkingDays: number | null;
  /** Open right now (any start date), and how many of those are past due. */
  openNow: number;
  openOverdue: number;
}

export interface SupervisionStatsView {
  from: string;
  to: string;
  generatedAt: string;
  departments: ({ department: string } & ClockFigures)[];
  items: ({ itemCode: string; itemName: string } & ClockFigures)[];
}

/** rpc.routing.warnings.sweep {} → what one routing process did in one sweep. */
export interface WarningSweepReply {
  instance: string;
  claimed: number;
  raised: number;
}
