import type { CaseStatus } from '../case-status.js';
import type { Actor } from '../envelope.js';
import type { HealthReport } from '../health.js';
import type { CaseQuery, NoPayload } from '../rpc.js';
import type { MaterialRef } from '../intake/events.js';
import { RatingRpc, type RatingRpcMap } from './ratings.js';
import { RoutingAuditRpc, type RoutingAuditRpcMap } from './audit.js';
import { CaseViewRpc, type CaseViewRpcMap } from './case-view.js';

/**
 * What the routing service answers on request/reply; composed into `Rpc` and `RpcMap`. Routing keeps the workflow
 * and the clock (issue #4): time limits (法定时限/承诺时限), supplements (补正), warnings (预警) and supervision (电子监察).
 */
export const RoutingRpc = {
  ...RatingRpc,
  ...RoutingAuditRpc,
  ...CaseViewRpc,
  health: 'rpc.routing.health',
  getWorkflow: 'rpc.routing.case.get',
  getTimeline: 'rpc.routing.case.timeline',
  searchCases: 'rpc.routing.case.search',
  supervisionWarnings: 'rpc.routing.supervision.warnings',
  supervisionStats: 'rpc.routing.supervision.stats',
  runWarningSweep: 'rpc.routing.warnings.sweep',
} as const;

/** rpc.routing.case.get {caseNo} → WorkflowView. */
export interface WorkflowView {
  caseNo: string;
  itemCode: string;
  status: CaseStatus;
  currentStage: number;
  stages: { stage: number; departments: string[]; lead?: string; status: 'PENDING' | 'OPEN' | 'COMPLETED' | 'REJECTED' }[];
  acceptedAt: string;
  promisedDeadline: string;
  legalDeadline: string;
  /** A deadline was computed over a year without an official schedule (weekends only assumed). */
  deadlineEstimated?: boolean;
  estimatedYears?: number[];
  /** Every time the clock stopped for a supplement (补正), oldest first. */
  suspensions?: SuspensionView[];
  updatedAt: string;
}

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

/** rpc.routing.case.timeline {caseNo} → TimelineEntry[] in order. */
export interface TimelineEntry {
  at: string;
  type: string;
  actor: Actor;
  data: Record<string, unknown>;
}

/** rpc.routing.case.search → CaseSearchPage: cases newest first, a page at a time. Dates are Asia/Shanghai days. */
export interface CaseSearchQuery {
  status?: CaseStatus;
  itemCode?: string;
  /** First and last acceptance day, YYYY-MM-DD, inclusive. */
  acceptedFrom?: string;
  acceptedTo?: string;
  cursor?: string;
  limit?: number;
}

export interface CaseSummary {
  caseNo: string;
  itemCode: string;
  itemName: string;
  status: CaseStatus;
  acceptedAt: string;
  promisedDeadline: string;
  legalDeadline: string;
}

export interface CaseSearchPage {
  items: CaseSummary[];
  nextCursor: string | null;
}

export type WarningLevelRaised = 'YELLOW' | 'RED';

/** rpc.routing.supervision.warnings {department?, level?} → SupervisionWarningView[] (red first, then soonest due). */
export interface SupervisionWarningsQuery {
  department?: string;
  level?: WarningLevelRaised | 'BLOCKED' | 'RATING_OVERDUE';
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
  /** RATING: a 差评 follow-up (差评整改) still open past its due time (level RATING_OVERDUE). */
  subject: 'CASE' | 'TASK' | 'RATING';
  taskId?: string;
  stage?: number;
  department?: string;
  /** The highest level raised for the item so far; BLOCKED for a case a service could not go on with. */
  level: WarningLevelRaised | 'BLOCKED' | 'RATING_OVERDUE';
  /** Absent for BLOCKED items. */
  dueAt?: string;
  raisedAt: string;
  blockedBy?: CaseBlockView;
  /** RATING_OVERDUE only: the follow-up, its score and the departments that reviewed the case. */
  ratingFollowUp?: { followUpId: string; score: number; departments: string[]; openedAt: string };
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

export interface RoutingRpcMap extends RatingRpcMap, RoutingAuditRpcMap, CaseViewRpcMap {
  [RoutingRpc.health]: { request: NoPayload; reply: HealthReport };
  [RoutingRpc.getWorkflow]: { request: CaseQuery; reply: WorkflowView };
  [RoutingRpc.getTimeline]: { request: CaseQuery; reply: TimelineEntry[] };
  [RoutingRpc.searchCases]: { request: CaseSearchQuery; reply: CaseSearchPage };
  [RoutingRpc.supervisionWarnings]: { request: SupervisionWarningsQuery; reply: SupervisionWarningView[] };
  [RoutingRpc.supervisionStats]: { request: SupervisionStatsQuery; reply: SupervisionStatsView };
  [RoutingRpc.runWarningSweep]: { request: NoPayload; reply: WarningSweepReply };
}
