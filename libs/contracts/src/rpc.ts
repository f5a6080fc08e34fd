import type { Actor } from './envelope.js';

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
  },
  routing: {
    health: 'rpc.routing.health',
    getWorkflow: 'rpc.routing.case.get',
    getTimeline: 'rpc.routing.case.timeline',
  },
  approval: {
    health: 'rpc.approval.health',
    listTasks: 'rpc.approval.tasks.list',
    tasksOfCase: 'rpc.approval.tasks.of-case',
    decide: 'rpc.approval.task.decide',
  },
  fees: {
    health: 'rpc.fees.health',
    listNotices: 'rpc.fees.notices.list',
    noticeOfCase: 'rpc.fees.notice.of-case',
    recordPayment: 'rpc.fees.payment.record',
  },
  delivery: {
    health: 'rpc.delivery.health',
    listDeliveries: 'rpc.delivery.list',
    deliveriesOfCase: 'rpc.delivery.of-case',
    dispatch: 'rpc.delivery.dispatch',
    markDelivered: 'rpc.delivery.delivered',
    pickup: 'rpc.delivery.pickup',
    pickupCodeOfCase: 'rpc.delivery.pickup-code',
  },
} as const;

/** Commands carry who is acting; the gateway fills it from the verified token, never from the body. */
export interface Command<T> {
  actor: Actor;
  data: T;
}

export interface AcceptCaseRequest {
  itemCode: string;
  centerCode: string;
  applicant: { type: 'PERSON' | 'ORG'; name: string; idType: 'ID_CARD' | 'USCC'; idNumber: string; phone: string };
  materials: { code: string; provided: boolean }[];
  form?: Record<string, unknown>;
  delivery: { method: 'WINDOW' | 'COURIER'; recipient?: string; phone?: string; address?: string };
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
}

export interface DecideTaskRequest {
  taskId: string;
  decision: 'APPROVE' | 'REJECT' | 'REQUEST_SUPPLEMENT';
  opinion: string;
  /** With REQUEST_SUPPLEMENT: every material the applicant must bring (一次性告知). */
  requested?: { code?: string; name: string; reason?: string }[];
}

export interface RecordPaymentRequest {
  noticeNo: string;
  amountFen: number;
  channel: string;
  reference: string;
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
  materials: { code: string; name: string; provided: boolean }[];
  form: Record<string, unknown>;
  delivery: { method: string; recipient?: string; phone?: string; address?: string };
  acceptedAt: string;
  acceptedBy: string;
  promisedDeadline: string;
  legalDeadline: string;
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
  updatedAt: string;
}

/** rpc.routing.case.timeline {caseNo} → TimelineEntry[] in order. */
export interface TimelineEntry {
  at: string;
  type: string;
  actor: Actor;
  data: Record<string, unknown>;
}

/** rpc.approval.tasks.list {department, status?} and rpc.approval.tasks.of-case {caseNo} → TaskView[]. */
export interface TaskView {
  taskId: string;
  caseNo: string;
  itemCode: string;
  itemName: string;
  department: string;
  stage: number;
  status: 'OPEN' | 'APPROVED' | 'REJECTED' | 'SUPPLEMENT_REQUESTED' | 'CANCELLED';
  dueAt: string;
  decision?: string;
  opinion?: string;
  decidedBy?: string;
  decidedAt?: string;
  cancelReason?: string;
  createdAt: string;
}

/** rpc.fees.notices.list {status?}, rpc.fees.notice.of-case {caseNo} (→ NoticeView | null), rpc.fees.payment.record. */
export interface NoticeView {
  noticeNo: string;
  caseNo: string;
  items: { code: string; name: string; department: string; amountFen: number; quantity?: number }[];
  totalFen: number;
  paidFen: number;
  status: 'UNPAID' | 'PAID' | 'VOID' | 'REFUNDED';
  issuedAt: string;
  paidAt?: string;
}

/** rpc.delivery.list {status?, method?}, rpc.delivery.of-case {caseNo}, and the answer to dispatch/delivered/pickup. */
export interface DeliveryView {
  deliveryId: string;
  caseNo: string;
  method: 'WINDOW' | 'COURIER';
  status: 'READY' | 'DISPATCHED' | 'DELIVERED';
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
