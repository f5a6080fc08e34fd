import type { ApplicantType, FeeRule, ResultSpec, ReviewStage } from './catalog.js';

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
  NoticeIssued: 'fees.notice.issued.v1',
  PaymentRecorded: 'fees.payment.recorded.v1',
  FeesSettled: 'fees.case.settled.v1',
  CertificatesIssued: 'delivery.certificates.issued.v1',
  DeliveryReady: 'delivery.delivery.ready.v1',
  DeliveryDispatched: 'delivery.delivery.dispatched.v1',
  DeliveryDelivered: 'delivery.delivery.delivered.v1',
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
  results: ResultSpec[];
  legalDays: number;
  promisedDays: number;
  acceptedAt: string;
  promisedDeadline: string;
  legalDeadline: string;
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
}

/** The clock runs again; every deadline moved by the suspended working time. */
export interface CaseResumedData {
  suspendedWorkingDays: number;
  promisedDeadline: string;
  legalDeadline: string;
}

export interface StageOpenedData {
  itemCode: string;
  itemName: string;
  stage: number;
  departments: string[];
  lead?: string;
  dueAt: string;
  /** An immediate item (即办件) decided at the window: approval records the decision as the task is created. */
  immediateDecision?: ImmediateDecision;
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
  decision: 'APPROVE' | 'REJECT' | 'REQUEST_SUPPLEMENT';
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

export interface CaseRejectedData {
  stage: number;
  department: string;
  opinion: string;
}

export type CaseApprovedData = Record<string, never>;

export interface FeeLine {
  code: string;
  name: string;
  department: string;
  amountFen: number;
  quantity?: number;
}

export interface NoticeIssuedData {
  noticeNo: string;
  items: FeeLine[];
  totalFen: number;
}

export interface PaymentRecordedData {
  noticeNo: string;
  amountFen: number;
  channel: string;
  reference: string;
}

export interface FeesSettledData {
  reason: 'NO_FEE' | 'PAID';
  noticeNo?: string;
  totalFen: number;
}

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

export interface DeliveryDeliveredData {
  deliveryId: string;
  method: 'WINDOW' | 'COURIER';
  signedBy: string;
}

/** The typed catalogue: producer and consumer agree on each event's data through this map. */
export interface EventDataMap {
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
  [Events.NoticeIssued]: NoticeIssuedData;
  [Events.PaymentRecorded]: PaymentRecordedData;
  [Events.FeesSettled]: FeesSettledData;
  [Events.CertificatesIssued]: CertificatesIssuedData;
  [Events.DeliveryReady]: DeliveryReadyData;
  [Events.DeliveryDispatched]: DeliveryDispatchedData;
  [Events.DeliveryDelivered]: DeliveryDeliveredData;
}

/** The service that publishes an event type owns the stream its subject lands in. */
export function producerOf(type: string): string {
  return type.slice(0, type.indexOf('.'));
}
