import type { OpinionView, TaskView } from '../approval/rpc.js';
import type { DeliveryView } from '../delivery/rpc.js';
import type { NoticeView } from '../fees/rpc.js';
import type { CaseView } from '../intake/rpc.js';
import type { CaseQuery } from '../rpc.js';
import type { CaseBlockView, SuspensionView } from './rpc.js';

/**
 * The case view (issue #12): one case as every service sees it, kept by routing as a read model (routing.case_views)
 * and answered from there. Composed into `RoutingRpc` and `RoutingRpcMap`.
 */
export const CaseViewRpc = {
  caseView: 'rpc.routing.case.view',
} as const;

/** A service whose part of the view could not be brought up to date just now (see CaseDetailsView.degraded). */
export type CaseViewOwner = 'intake' | 'approval' | 'fees' | 'delivery';

/** A review task as the case view shows it: TaskView without what the page does not need. */
export type CaseTaskView = Pick<TaskView, 'taskId' | 'department' | 'stage' | 'status' | 'dueAt'> &
  Partial<Pick<TaskView, 'decision' | 'opinion' | 'decidedBy' | 'onBehalfOf' | 'decidedAt' | 'cancelReason' | 'assignee'>>;

/** rpc.routing.case.view {caseNo} → CaseDetailsView: what GET /api/v1/cases/{caseNo} answers. */
export interface CaseDetailsView {
  caseNo: string;
  itemCode: string;
  itemName: string;
  itemVersion: number;
  caseType: string;
  /** Routing's status; ACCEPTED until routing picked the case up; BLOCKED while a service has parked one of its events. */
  status: string;
  statusBeforeBlocked?: string;
  blockedBy?: CaseBlockView[];
  centerCode: string;
  centerName?: string;
  /** ID number and phone masked. */
  applicant: CaseView['applicant'];
  acceptedAt: string;
  promisedDeadline: string;
  legalDeadline: string;
  deadlineEstimated?: boolean;
  estimatedYears?: number[];
  suspensions?: SuspensionView[];
  pendingMaterials?: NonNullable<CaseView['pendingMaterials']>;
  pendingDueAt?: string;
  decidingAuthority?: CaseView['decidingAuthority'];
  immediateDecision?: CaseView['immediateDecision'];
  withdrawnAt?: string;
  withdrawReason?: string;
  tasks?: CaseTaskView[];
  opinions?: OpinionView[];
  paymentNotice?: NoticeView;
  deliveries?: DeliveryView[];
  /** Owners whose part may be out of date (their last known part is shown) or is unknown (left out). */
  degraded?: CaseViewOwner[];
  /** The latest event the view reflects (Asia/Shanghai, to the second). */
  asOf: string;
  /** Moves whenever what the view shows moves, and only then; 0 while routing has not picked the case up. */
  version: number;
}

/**
 * The logical subject of routing's notice that a case's view may have moved (a new version, or an owner's part went
 * out of date and will be fetched again on the next read): `<namespace>.caseview.changed.<caseNo>` on the wire. Core
 * NATS, not JetStream: a wake-up for whoever waits on the case (the gateway's long-poll), never a record.
 */
export function caseViewChangedSubject(caseNo: string): string {
  return `caseview.changed.${caseNo}`;
}

export interface CaseViewChanged {
  caseNo: string;
}

/** rpc.routing.case.view's request. */
export interface CaseViewQuery extends CaseQuery {
  /**
   * How long to wait for each owner whose part must be fetched again (the gateway's CASE_PART_TIMEOUT_MS, kept below
   * its RPC timeout); routing's own default when absent.
   */
  partTimeoutMs?: number;
}

export interface CaseViewRpcMap {
  [CaseViewRpc.caseView]: { request: CaseViewQuery; reply: CaseDetailsView };
}
