import type { SiteSurveyView } from './rpc.js';
import type { MaterialRef } from '../intake/events.js';
import type { Decision } from './decisions.js';

/** Events the approval service publishes (后台分类审批). Composed into `Events` and `EventDataMap` in ../events.ts. */
export const ApprovalEvents = {
  TaskDecided: 'approval.task.decided.v1',
  TaskCancelled: 'approval.task.cancelled.v1',
  TaskExtended: 'approval.task.extended.v1',
  TaskAssigned: 'approval.task.assigned.v1',
  SiteSurveyScheduled: 'approval.site-survey.scheduled.v1',
  SiteSurveyFindingsRecorded: 'approval.site-survey.findings-recorded.v1',
  OpinionRecorded: 'approval.opinion.recorded.v1',
  TasksChanged: 'approval.tasks.changed.v1',
} as const;

export interface TaskDecidedData {
  taskId: string;
  stage: number;
  department: string;
  decision: Decision;
  opinion: string;
  /** With REQUEST_SUPPLEMENT: what the applicant must bring. */
  requested?: MaterialRef[];
}

export interface TaskCancelledData {
  taskId: string;
  stage: number;
  department: string;
  reason: string;
}

/** 延期: a department's chief representative extended its task's due time, once, within the legal deadline. */
export interface TaskExtendedData {
  taskId: string;
  stage: number;
  department: string;
  workingDays: number;
  reason: string;
  previousDueAt: string;
  dueAt: string;
}

/** A task was given to one user of its department (or, with assignee null, back to the whole department). */
export interface TaskAssignedData {
  taskId: string;
  stage: number;
  department: string;
  assignee: string | null;
  previousAssignee: string | null;
  reason: string;
}

/** The lead department scheduled a joint site survey (联合踏勘); every department of the stage is told. */
export type SiteSurveyScheduledData = Pick<SiteSurveyView, 'surveyId' | 'stage' | 'lead' | 'at' | 'place' | 'departments' | 'notified'>;

/** One department's findings of a joint site survey; `complete` once every department's are in. */
export interface SiteSurveyFindingsRecordedData {
  surveyId: string;
  stage: number;
  department: string;
  findings: string;
  complete: boolean;
}

/** A consultation opinion (会商意见) of a department with a task in the case. */
export interface OpinionRecordedData {
  opinionId: string;
  department: string;
  opinion: string;
}

/**
 * Approval changed a case's tasks in reaction to routing, with no event of its own to say so: it opened a stage's
 * tasks (StageOpened), paused them (CaseSuspended) or reopened them, due later (CaseResumed). Whoever keeps a copy of
 * a case's tasks (routing's case view) learns from this that its copy is out of date; every other change of a task
 * has its own event (decided, cancelled, extended, assigned).
 */
export interface TasksChangedData {
  reason: 'STAGE_OPENED' | 'PAUSED' | 'RESUMED';
  /** The tasks that changed. */
  taskIds: string[];
}

export interface ApprovalEventDataMap {
  [ApprovalEvents.TaskDecided]: TaskDecidedData;
  [ApprovalEvents.TaskCancelled]: TaskCancelledData;
  [ApprovalEvents.TaskExtended]: TaskExtendedData;
  [ApprovalEvents.TaskAssigned]: TaskAssignedData;
  [ApprovalEvents.SiteSurveyScheduled]: SiteSurveyScheduledData;
  [ApprovalEvents.SiteSurveyFindingsRecorded]: SiteSurveyFindingsRecordedData;
  [ApprovalEvents.OpinionRecorded]: OpinionRecordedData;
  [ApprovalEvents.TasksChanged]: TasksChangedData;
}
