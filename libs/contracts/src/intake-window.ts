import type { ApplicantData, MaterialRef } from './events.js';
import type { ServiceItem } from './catalog.js';

/**
 * Requests and replies of the integrated window (前台综合受理) beyond acceptance itself: the catalog as versioned
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
