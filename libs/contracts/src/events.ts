import { FeesEvents, type FeesEventDataMap } from './fees/events.js';
import type { ApplicantType, FeeRule, FormFieldSpec, ResultSpec, ReviewStage } from './catalog.js';
import type { Decision } from './decisions.js';

/**
 * Every event type in the system. The type is also the logical subject on JetStream
 * (prefixed by the deployment's namespace on the wire). Version the type when its data changes.
 */
export const Events = {
  CaseAccepted: 'intake.case.accepted.v1',
  CaseSupplemented: 'intake.case.supplemented.v1',
  CaseWithdrawn: 'intake.case.withdrawn.v1',
  CaseSuspended: 'routing.case.suspended.v1',
  CaseResumed: 'routing.case.resumed.v1',
  StageOpened: 'routing.stage.opened.v1',
  StageCompleted: 'routing.stage.completed.v1',
  CaseApproved: 'routing.case.approved.v1',
  CaseRejected: 'routing.case.rejected.v1',
  TaskDecided: 'approval.task.decided.v1',
  TaskCancelled: 'approval.task.cancelled.v1',
  TaskExtended: 'approval.task.extended.v1',
  WarningRaised: 'routing.warning.raised.v1',
  TaskAssigned: 'approval.task.assigned.v1',
  SiteSurveyScheduled: 'approval.site-survey.scheduled.v1',
  SiteSurveyFindingsRecorded: 'approval.site-survey.findings-recorded.v1',
  OpinionRecorded: 'approval.opinion.recorded.v1',
  CertificatesIssued: 'delivery.certificates.issued.v1',
  DeliveryReady: 'delivery.delivery.ready.v1',
  DeliveryDispatched: 'delivery.delivery.dispatched.v1',
  DeliveryDelivered: 'delivery.delivery.delivered.v1',
  PickupUnlocked: 'delivery.pickup.unlocked.v1',
  ...FeesEvents,
} as const;

export type EventType = (typeof Events)[keyof typeof Events];

export interface ApplicantData {
  type: ApplicantType;
  name: string;
  idType: 'ID_CARD' | 'USCC';
  idNumber: string;
  phone: string;
}

export interface DeliveryPreference {
  method: 'WINDOW' | 'COURIER';
  recipient?: string;
  phone?: string;
  address?: string;
  /** WINDOW: the center that hands the result out; defaults to the accepting center (就近办). */
  pickupCenter?: string;
}

export interface CaseAcceptedData {
  itemCode: string;
  itemVersion: number;
  itemName: string;
  caseType: string;
  centerCode: string;
  applicant: ApplicantData;
  form: Record<string, unknown>;
  delivery: DeliveryPreference;
  reviewPlan: ReviewStage[];
  fees: FeeRule[];
  /** The item version's form declarations, when it has any: fees reads quantities by the rule intake checked them by. */
  formFields?: FormFieldSpec[];
  results: ResultSpec[];
  legalDays: number;
  promisedDays: number;
  acceptedAt: string;
  promisedDeadline: string;
  legalDeadline: string;
  /** Tolerant acceptance (容缺受理): materials still owed, and by when (UTC instant). Absent or empty: nothing owed. */
  pendingMaterials?: MaterialRef[];
  pendingDueAt?: string;
  /** Immediate item (即办件): decided at the window by the chief representative of the item's single department. */
  immediateDecision?: ImmediateDecision;
  /** Reported item (上报件): accepted here, decided by this higher-level authority. */
  decidingAuthority?: DecidingAuthority;
  /** The accepted item version asks for a joint site survey (联合踏勘) before its stage lead may approve. */
  jointSiteSurvey?: boolean;
}

export interface DecidingAuthority {
  level: string;
  department: string;
  departmentName?: string;
}

/** A material the applicant must still bring: pending under tolerant acceptance, or asked for by a supplement request. */
export interface MaterialRef {
  code?: string;
  name: string;
  reason?: string;
}

/** Materials that arrived at the window (POST /cases/{caseNo}/supplements). */
export interface CaseSupplementedData {
  supplementId: string;
  materials: MaterialRef[];
  note?: string;
  /** Tolerant-acceptance materials still missing after this supplement; empty when all are in. */
  pendingLeft: MaterialRef[];
}

export interface CaseWithdrawnData {
  reason: string;
}

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

export interface ImmediateDecision {
  decision: 'APPROVE' | 'REJECT';
  opinion: string;
  decidedBy: string;
  department: string;
  decidedAt: string;
}

export interface StageCompletedData {
  stage: number;
}

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

/** 电子监察 预警: yellow when a task or the case has used its share of time (80% by default), red once overdue. */
export interface WarningRaisedData {
  level: 'YELLOW' | 'RED';
  subject: 'CASE' | 'TASK';
  taskId?: string;
  stage?: number;
  department?: string;
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
export interface SiteSurveyScheduledData {
  surveyId: string;
  stage: number;
  lead: string;
  at: string;
  place: string;
  departments: string[];
  notified: string[];
}

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

export interface CaseRejectedData {
  stage: number;
  department: string;
  opinion: string;
}

export type CaseApprovedData = Record<string, never>;

export interface CertificatesIssuedData {
  certificates: { certificateNo: string; name: string; department: string }[];
}

export interface DeliveryReadyData {
  deliveryId: string;
  method: 'WINDOW' | 'COURIER';
}

export interface DeliveryDispatchedData {
  deliveryId: string;
  carrier: string;
  waybillNo: string;
}

/** Staff verified the applicant in person after too many failed pickups, and let the pickup be tried again. */
export interface PickupUnlockedData {
  deliveryId: string;
  failedAttempts: number;
  reason: string;
}

export interface DeliveryDeliveredData {
  deliveryId: string;
  method: 'WINDOW' | 'COURIER';
  signedBy: string;
}

/** The typed catalogue: producer and consumer agree on each event's data through this map. */
export interface EventDataMap extends FeesEventDataMap {
  [Events.CaseAccepted]: CaseAcceptedData;
  [Events.CaseSupplemented]: CaseSupplementedData;
  [Events.CaseWithdrawn]: CaseWithdrawnData;
  [Events.CaseSuspended]: CaseSuspendedData;
  [Events.CaseResumed]: CaseResumedData;
  [Events.StageOpened]: StageOpenedData;
  [Events.StageCompleted]: StageCompletedData;
  [Events.CaseApproved]: CaseApprovedData;
  [Events.CaseRejected]: CaseRejectedData;
  [Events.TaskDecided]: TaskDecidedData;
  [Events.TaskCancelled]: TaskCancelledData;
  [Events.TaskExtended]: TaskExtendedData;
  [Events.WarningRaised]: WarningRaisedData;
  [Events.TaskAssigned]: TaskAssignedData;
  [Events.SiteSurveyScheduled]: SiteSurveyScheduledData;
  [Events.SiteSurveyFindingsRecorded]: SiteSurveyFindingsRecordedData;
  [Events.OpinionRecorded]: OpinionRecordedData;
  [Events.CertificatesIssued]: CertificatesIssuedData;
  [Events.DeliveryReady]: DeliveryReadyData;
  [Events.DeliveryDispatched]: DeliveryDispatchedData;
  [Events.DeliveryDelivered]: DeliveryDeliveredData;
  [Events.PickupUnlocked]: PickupUnlockedData;
}

/** The service that publishes an event type owns the stream its subject lands in. */
export function producerOf(type: string): string {
  return type.slice(0, type.indexOf('.'));
}
