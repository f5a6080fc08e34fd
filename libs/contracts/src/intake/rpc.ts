import type { FeeEstimate } from '../fees/rpc.js';
import type { HealthReport } from '../health.js';
import type { CaseQuery, Command, NoPayload } from '../rpc.js';
import type { ServiceItem } from './catalog.js';
import type { ApplicantData, MaterialRef } from './events.js';
import type { PostalAddress } from '../delivery/courier.js';

/** What the intake service answers on request/reply; composed into `Rpc` and `RpcMap`. */
export const IntakeRpc = {
  health: 'rpc.intake.health',
  listItems: 'rpc.intake.catalog.list',
  getItem: 'rpc.intake.catalog.get',
  acceptCase: 'rpc.intake.case.accept',
  getCase: 'rpc.intake.case.get',
  verifyApplicant: 'rpc.intake.case.verify-applicant',
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
} as const;

export interface AcceptCaseRequest {
  itemCode: string;
  centerCode: string;
  applicant: { type: 'PERSON' | 'ORG'; name: string; idType: 'ID_CARD' | 'USCC'; idNumber: string; phone: string };
  /** `defective`: handed in but unusable (defectReason says why); the one-time notice lists it as DEFECTIVE. */
  materials: { code: string; provided: boolean; defective?: boolean; defectReason?: string }[];
  form?: Record<string, unknown>;
  /** `address` (free text) is deprecated: a COURIER delivery sends postalAddress {province, city, district, detail}. */
  delivery: { method: 'WINDOW' | 'COURIER'; recipient?: string; phone?: string; postalAddress?: PostalAddress; address?: string; pickupCenter?: string };
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
  /**
   * 预计收费: what the applicant will be asked to pay when the case is approved, by the function the fees service's
   * assessment applies (#libs/fee-rules). Absent only when the catalog's fee rules cannot be applied to this form.
   */
  feeEstimate?: FeeEstimate;
}

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

/** rpc.intake.case.verify-applicant {caseNo, idTail} → {match: boolean} (public status check; idTail: the last 6 characters of the ID number, VerifyApplicantSchema). */
export interface VerifyApplicantRequest {
  caseNo: string;
  idTail: string;
}

export interface VerifyApplicantReply {
  match: boolean;
}

/**
 * The integrated window (前台综合受理) beyond acceptance itself: the catalog as versioned
 * data, one-time notices, refusals, supplements, withdrawal, the acceptance receipt and overdue pending materials.
 * Subjects are in `Rpc.intake`. Every time in a reply is Asia/Shanghai to the second.
 */

/** rpc.intake.catalog.create / .publish: a whole item definition; the service numbers the version. */
export type ItemDefinition = Omit<ServiceItem, 'version'>;

export interface PublishItemRequest {
  /** publish: the code of the item to publish a new version of (must equal definition.code when that is given). */
  code?: string;
  definition: ItemDefinition;
}

export interface PublishItemReply {
  code: string;
  version: number;
  name: string;
  publishedAt: string;
}

export interface DepartmentView {
  code: string;
  name: string;
}

export interface CenterView {
  code: string;
  name: string;
  level: string;
  region: string;
}

/** One material the one-time notice (一次性告知) lists. */
export interface NoticeMaterial {
  code: string;
  name: string;
  reason: 'MISSING' | 'DEFECTIVE';
  detail?: string;
  /** The item allows accepting without it under tolerant acceptance (容缺受理). */
  tolerable?: boolean;
}

/** rpc.intake.notice.get {noticeNo}; also inside the 422 CASE.MATERIALS_MISSING answer as `notice`. */
export interface OneTimeNoticeView {
  noticeNo: string;
  itemCode: string;
  itemName: string;
  itemVersion: number;
  centerCode: string;
  applicant?: { type: string; name: string; idType: string; idNumber: string };
  missing: NoticeMaterial[];
  issuedAt: string;
  issuedBy: string;
}

/** rpc.intake.refusal.create: 不予受理, with the reason the applicant is given in writing. */
export interface RefuseRequest {
  itemCode: string;
  centerCode: string;
  applicant: Omit<ApplicantData, 'phone'> & { phone?: string };
  reason: string;
}

export interface RefusalView {
  refusalNo: string;
  itemCode: string;
  itemName: string;
  itemVersion: number;
  centerCode: string;
  applicant: { type: string; name: string; idType: string; idNumber: string; phone?: string };
  reason: string;
  refusedAt: string;
  refusedBy: string;
}

/** rpc.intake.case.supplement: materials that arrived at the window for a case. */
export interface SupplementRequest {
  caseNo: string;
  materials: { code?: string; name?: string }[];
  note?: string;
}

export interface SupplementReply {
  supplementId: string;
  caseNo: string;
  materials: MaterialRef[];
  note?: string;
  pendingLeft: MaterialRef[];
  receivedAt: string;
}

/** rpc.intake.case.withdraw: the applicant withdraws the application (撤回). */
export interface WithdrawRequest {
  caseNo: string;
  reason: string;
}

export interface WithdrawReply {
  caseNo: string;
  status: 'WITHDRAWN';
  withdrawnAt: string;
  reason: string;
}

/** rpc.intake.case.receipt {caseNo}: what the acceptance receipt (受理通知书) prints; the gateway renders it. */
export interface ReceiptView {
  caseNo: string;
  itemCode: string;
  itemName: string;
  itemVersion: number;
  caseType: string;
  applicant: { type: string; name: string; idType: string; idNumber: string; phone: string };
  received: { code: string; name: string }[];
  pending: MaterialRef[];
  pendingDueAt?: string;
  acceptedAt: string;
  promisedDeadline: string;
  legalDeadline: string;
  center: { code: string; name: string; level: string };
  acceptedBy: string;
  decidingAuthority?: { level: string; department: string; departmentName?: string };
  immediateDecision?: { decision: 'APPROVE' | 'REJECT'; opinion: string; decidedBy: string };
  /** 预计收费, as the acceptance answer showed it. */
  feeEstimate?: FeeEstimate;
  status: string;
}

/** rpc.intake.supervision.pending-materials: tolerant acceptances whose materials are overdue. */
export interface OverduePendingView {
  caseNo: string;
  itemCode: string;
  itemName: string;
  centerCode: string;
  acceptedAt: string;
  acceptedBy: string;
  pendingDueAt: string;
  pending: MaterialRef[];
}

export interface IntakeRpcMap {
  [IntakeRpc.health]: { request: NoPayload; reply: HealthReport };
  [IntakeRpc.listItems]: { request: NoPayload; reply: ServiceItem[] };
  [IntakeRpc.getItem]: { request: { code: string }; reply: ServiceItem };
  [IntakeRpc.acceptCase]: { request: Command<AcceptCaseRequest>; reply: AcceptCaseReply };
  [IntakeRpc.getCase]: { request: CaseQuery; reply: CaseView };
  [IntakeRpc.verifyApplicant]: { request: VerifyApplicantRequest; reply: VerifyApplicantReply };
  [IntakeRpc.createItem]: { request: Command<PublishItemRequest>; reply: PublishItemReply };
  [IntakeRpc.publishItem]: { request: Command<PublishItemRequest>; reply: PublishItemReply };
  [IntakeRpc.listDepartments]: { request: NoPayload; reply: DepartmentView[] };
  [IntakeRpc.listCenters]: { request: NoPayload; reply: CenterView[] };
  [IntakeRpc.getNotice]: { request: { noticeNo: string }; reply: OneTimeNoticeView };
  [IntakeRpc.refuse]: { request: Command<RefuseRequest>; reply: RefusalView };
  [IntakeRpc.getRefusal]: { request: { refusalNo: string }; reply: RefusalView };
  [IntakeRpc.supplement]: { request: Command<SupplementRequest>; reply: SupplementReply };
  [IntakeRpc.withdraw]: { request: Command<WithdrawRequest>; reply: WithdrawReply };
  [IntakeRpc.receipt]: { request: CaseQuery; reply: ReceiptView };
  [IntakeRpc.overduePendingMaterials]: { request: NoPayload; reply: OverduePendingView[] };
}
