import type { ImmediateDecision, MaterialRef } from '../intake/events.js';
import { RatingEvents, type RatingEventDataMap } from './ratings.js';

/** Events the routing service publishes (workflow and the clock). Composed into `Events` and `EventDataMap` in ../events.ts. */
export const RoutingEvents = {
  ...RatingEvents,
  CaseSuspended: 'routing.case.suspended.v1',
  CaseResumed: 'routing.case.resumed.v1',
  StageOpened: 'routing.stage.opened.v1',
  StageCompleted: 'routing.stage.completed.v1',
  CaseApproved: 'routing.case.approved.v1',
  CaseRejected: 'routing.case.rejected.v1',
  WarningRaised: 'routing.warning.raised.v1',
} as const;

/** The whole case clock stopped: a department asked for a supplement (补正). */
export interface CaseSuspendedData {
  taskId: string;
  stage: number;
  department: string;
  requested: MaterialRef[];
  reason: string;
  /** Routing's suspension this belongs to; a second department asking while suspended joins the same one. */
  suspensionId?: string;
}

/** The clock runs again; every deadline moved by the suspended working time. */
export interface CaseResumedData {
  suspendedWorkingDays: number;
  promisedDeadline: string;
  legalDeadline: string;
  /** The suspension that ended (see CaseSuspendedData.suspensionId), when it began (UTC instant) and why. */
  suspensionId?: string;
  suspendedAt?: string;
  reason?: string;
}

export interface StageOpenedData {
  itemCode: string;
  itemName: string;
  stage: number;
  departments: string[];
  lead?: string;
  dueAt: string;
  /** Routing's id for each department's task (department → taskId), so both services name a task alike. */
  taskIds?: Record<string, string>;
  /** The case's legal deadline (法定时限, UTC instant): an extension may not go past it. */
  legalDeadline?: string;
  /** An immediate item (即办件) decided at the window: approval records the decision as the task is created. */
  immediateDecision?: ImmediateDecision;
  /** The lead of this stage may approve only once the joint site survey is recorded. */
  jointSiteSurvey?: boolean;
}

export interface StageCompletedData {
  stage: number;
}

/** 电子监察 预警: yellow when a task or the case has used its share of time (80% by default), red once overdue. */
export interface WarningRaisedData {
  level: 'YELLOW' | 'RED';
  subject: 'CASE' | 'TASK';
  taskId?: string;
  stage?: number;
  department?: string;
  dueAt: string;
}

export interface CaseRejectedData {
  stage: number;
  department: string;
  opinion: string;
}

export type CaseApprovedData = Record<string, never>;

export interface RoutingEventDataMap extends RatingEventDataMap {
  [RoutingEvents.CaseSuspended]: CaseSuspendedData;
  [RoutingEvents.CaseResumed]: CaseResumedData;
  [RoutingEvents.StageOpened]: StageOpenedData;
  [RoutingEvents.StageCompleted]: StageCompletedData;
  [RoutingEvents.CaseApproved]: CaseApprovedData;
  [RoutingEvents.CaseRejected]: CaseRejectedData;
  [RoutingEvents.WarningRaised]: WarningRaisedData;
}
