import { FeesRpc } from './fees/rpc.js';
import type { Actor } from './envelope.js';
import type { Decision } from './decisions.js';
import type { SuspensionView, TaskExtensionView } from './clock.js';

/**
 * Core NATS request/reply subjects: queries and commands whose caller waits for the answer.
 * Served with a queue group per service, so replicas share the load.
 */
export const Rpc = {
  intake: {
    health: 'rpc.intake.health',
    listItems: 'rpc.intake.catalog.list',
    getItem: 'rpc.intake.catalog.get',
    acceptCase: 'rpc.intake.case.accept',
    getCase: 'rpc.intake.case.get',
    verifyApplicant: 'rpc.intake.case.verify-applicant',
    // 前台综合受理 (issue #3): request and reply types in intake-window.ts
    createItem: 'rpc.intake.catalog.create',
    publishItem: 'rpc.intake.catalog.publish',
    listDepartments: 'rpc.intake.catalog.departments',
    listCenters: 'rpc.intake.catalog.centers',
    getNotice: 'rpc.intake.notice.get',
    refuse: 'rpc.intake.refusal.create',
    getRefusal: 'rpc.intake.refusal.get',
    supplement: 'rpc.intake.case.supplement',
    withdraw: 'rpc.intake.case.withdraw',
    receipt: 'rpc.intake.case.receipt',
    overduePendingMaterials: 'rpc.intake.supervision.pending-materials',
  },
  routing: {
    health: 'rpc.routing.health',
    getWorkflow: 'rpc.routing.case.get',
    getTimeline: 'rpc.routing.case.timeline',
    searchCases: 'rpc.routing.case.search',
    // 时限与电子监察 (issue #4, the clock): payloads in clock.ts
    supervisionWarnings: 'rpc.routing.supervision.warnings',
    supervisionStats: 'rpc.routing.supervision.stats',
    runWarningSweep: 'rpc.routing.warnings.sweep',
  },
  approval: {
    health: 'rpc.approval.health',
    tasksOfCase: 'rpc.approval.tasks.of-case',
    decide: 'rpc.approval.task.decide',
    extendTask: 'rpc.approval.task.extend',
    // department workbench (#4): see workbench.ts for the payloads
    worklist: 'rpc.approval.tasks.worklist',
    assignTask: 'rpc.approval.task.assign',
    bulkTasks: 'rpc.approval.tasks.bulk',
    createDelegation: 'rpc.approval.delegations.create',
    listDelegations: 'rpc.approval.delegations.list',
    revokeDelegation: 'rpc.approval.delegations.revoke',
    departmentAudit: 'rpc.approval.audit.of-department',
    scheduleSurvey: 'rpc.approval.site-survey.schedule',
    recordFindings: 'rpc.approval.site-survey.findings',
    surveysOfCase: 'rpc.approval.site-survey.of-case',
    recordOpinion: 'rpc.approval.opinion.record',
    opinionsOfCase: 'rpc.approval.opinion.of-case',
  },
  fees: FeesRpc,
  delivery: {
    health: 'rpc.delivery.health',
    listDeliveries: 'rpc.delivery.list',
    deliveriesOfCase: 'rpc.delivery.of-case',
    dispatch: 'rpc.delivery.dispatch',
    markDelivered: 'rpc.delivery.delivered',
    pickup: 'rpc.delivery.pickup',
    unlockPickup: 'rpc.delivery.pickup.unlock',
    pickupCodeOfCase: 'rpc.delivery.pickup-code',
  },
} as const;

/** Commands carry who is acting; the gateway fills it from the verified token, never from the body. */
export interface Command<T> {
  actor: Actor;
  data: T;
  /**
   * The HTTP Idempotency-Key, scoped to the user. A service that creates something keeps it with what it created, so
   * a retry after a lost reply (an RPC timeout frees the gateway's key) finds the first result instead of a second one.
   */
  requestId?: string;
}

export interface AcceptCaseRequest {
  itemCode: string;
  centerCode: string;
  applicant: { type: 'PERSON' | 'ORG'; name: string; idType: 'ID_CARD' | 'USCC'; idNumber: string; phone: string };
  /** `defective`: handed in but unusable (defectReason says why); the one-time notice lists it as DEFECTIVE. */
  materials: { code: string; provided: boolean; defective?: boolean; defectReason?: string }[];
  form?: Record<string, unknown>;
  delivery: { method: 'WINDOW' | 'COURIER'; recipient?: string; phone?: string; address?: string; pickupCenter?: string };
  /** 容缺受理: accept although tolerable materials are missing; they become pending with a due date. */
  tolerant?: boolean;
  /** 即办件: the chief representative of an IMMEDIATE item's department decides at the window. */
  decideNow?: { decision: 'APPROVE' | 'REJECT'; opinion?: string };
}

export interface AcceptCaseReply {
  caseNo: string;
  status: string;
  acceptedAt: string;
  promisedDeadline: string;
  legalDeadline: string;
  /** Set when a deadline crossed a year without an official holiday schedule (weekends only were assumed). */
  deadlineEstimated?: boolean;
  estimatedYears?: number[];
  /** Tolerant acceptance: what is still owed and by when (Asia/Shanghai). */
  pendingMaterials?: { code?: string; name: string; reason?: string }[];
  pendingDueAt?: string;
  /** Immediate item: the decision taken at the window. */
  decision?: 'APPROVE' | 'REJECT';
  /** Reported item: who decides it. */
  decidingAuthority?: { level: string; department: string; departmentName?: string };
}

export interface DecideTaskRequest {
  taskId: string;
  decision: Decision;
  opinion: string;
  /** With REQUEST_SUPPLEMENT: every material the applicant must bring (一次性告知). */
  requested?: { code?: string; name: string; reason?: string }[];
}

export interface DispatchRequest {
  deliveryId: string;
  carrier: string;
  waybillNo: string;
}

export interface DeliveredRequest {
  deliveryId: string;
  signedBy: string;
}

export interface PickupRequest {
  deliveryId: string;
  pickupCode: string;
  idNumber: string;
}

export interface UnlockPickupRequest {
  deliveryId: string;
  reason: string;
}

export const CaseStatus = {
  ACCEPTED: 'ACCEPTED',
  IN_REVIEW: 'IN_REVIEW',
  SUSPENDED: 'SUSPENDED',
  REJECTED: 'REJECTED',
  APPROVED: 'APPROVED',
  AWAITING_PAYMENT: 'AWAITING_PAYMENT',
  READY_FOR_DELIVERY: 'READY_FOR_DELIVERY',
  DELIVERING: 'DELIVERING',
  DELIVERED: 'DELIVERED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];

// ---- replies (views). Every time is shown in Asia/Shanghai to the second: 2026-11-23T23:03:39+08:00 ----

/** rpc.intake.case.get {caseNo} → CaseView (applicant's ID number and phone masked). */
export interface CaseView {
  caseNo: string;
  itemCode: string;
  itemName: string;
  itemVersion: number;
  caseType: string;
  centerCode: string;
  status: string;
  applicant: { type: string; name: string; idType: string; idNumber: string; phone: string };
  /** provided: handed in and usable; a defective one is not provided (defectReason says why) until supplemented. */
  materials: { code: string; name: string; provided: boolean; defective?: boolean; defectReason?: string }[];
  form: Record<string, unknown>;
  delivery: { method: string; recipient?: string; phone?: string; address?: string; pickupCenter?: string };
  acceptedAt: string;
  acceptedBy: string;
  promisedDeadline: string;
  legalDeadline: string;
  /** The accepting center's name (the case may be a county item accepted at a township center: 就近办). */
  centerName?: string;
  /** Tolerant acceptance: materials still owed and by when; empty once all are in. */
  pendingMaterials?: { code?: string; name: string; reason?: string }[];
  pendingDueAt?: string;
  decidingAuthority?: { level: string; department: string; departmentName?: string };
  immediateDecision?: { decision: 'APPROVE' | 'REJECT'; opinion: string; decidedBy: string; department: string; decidedAt: string };
  withdrawnAt?: string;
  withdrawReason?: string;
}

/** rpc.intake.case.verify-applicant {caseNo, idTail} → {match: boolean} (public status check). */
export interface VerifyApplicantRequest {
  caseNo: string;
  idTail: string;
}

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
  /** A deadline was computed over a year without an official schedule (weekends only assumed): see clock.ts. */
  deadlineEstimated?: boolean;
  estimatedYears?: number[];
  /** Every time the clock stopped for a supplement (补正), oldest first. */
  suspensions?: SuspensionView[];
  updatedAt: string;
}

/** rpc.routing.case.timeline {caseNo} → TimelineEntry[] in order. */
export interface TimelineEntry {
  at: string;
  type: string;
  actor: Actor;
  data: Record<string, unknown>;
}

/** rpc.approval.tasks.of-case {caseNo} → TaskView[]; the worklist answers pages of them. */
export interface TaskView {
  taskId: string;
  caseNo: string;
  itemCode: string;
  itemName: string;
  department: string;
  stage: number;
  status: 'OPEN' | 'APPROVED' | 'REJECTED' | 'SUPPLEMENT_REQUESTED' | 'CANCELLED' | 'PAUSED';
  dueAt: string;
  /** PAUSED: since when the task waits for the applicant's supplement (its clock is stopped). */
  pausedAt?: string;
  /** 延期: set once the task's due time was extended (at most once). */
  extension?: TaskExtensionView;
  decision?: string;
  opinion?: string;
  decidedBy?: string;
  /** Set when a backup (AB岗) decided for the department's chief representative: the primary's username. */
  onBehalfOf?: string;
  decidedAt?: string;
  cancelReason?: string;
  /** A user of the department the task is assigned to; absent: the whole department. */
  assignee?: string;
  createdAt: string;
}

/** rpc.delivery.list {status?, method?}, rpc.delivery.of-case {caseNo}, and the answer to dispatch/delivered/pickup. */
export interface DeliveryView {
  deliveryId: string;
  caseNo: string;
  method: 'WINDOW' | 'COURIER';
  /** CANCELLED: the case was withdrawn while the result waited. */
  status: 'READY' | 'DISPATCHED' | 'DELIVERED' | 'CANCELLED';
  /** WINDOW: the center that hands the result out (the accepting one unless the applicant chose another). */
  pickupCenter?: string;
  certificates: { certificateNo: string; name: string; department: string }[];
  recipient?: string;
  phone?: string;
  address?: string;
  carrier?: string;
  waybillNo?: string;
  signedBy?: string;
  createdAt: string;
  dispatchedAt?: string;
  deliveredAt?: string;
}

/** rpc.delivery.pickup-code {caseNo} → {pickupCode} | null: what the applicant's SMS says, for the public status page. */
export interface PickupCodeView {
  deliveryId: string;
  pickupCode: string;
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
