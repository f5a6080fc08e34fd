import type { FeesRpcMap } from './fees/rpc.js';
import type { ServiceItem } from './catalog.js';
import type { ExtendTaskRequest, SupervisionStatsQuery, SupervisionStatsView, SupervisionWarningView, SupervisionWarningsQuery, WarningSweepReply } from './clock.js';
import type { HealthReport } from './health.js';
import type {
  CenterView,
  DepartmentView,
  OneTimeNoticeView,
  OverduePendingView,
  PublishItemReply,
  PublishItemRequest,
  ReceiptView,
  RefusalView,
  RefuseRequest,
  SupplementReply,
  SupplementRequest,
  WithdrawReply,
  WithdrawRequest,
} from './intake-window.js';
import {
  Rpc,
  type AcceptCaseReply,
  type AcceptCaseRequest,
  type CaseSearchPage,
  type CaseSearchQuery,
  type CaseView,
  type Command,
  type DecideTaskRequest,
  type DeliveredRequest,
  type DeliveryView,
  type DispatchRequest,
  type PickupCodeView,
  type PickupRequest,
  type TaskView,
  type TimelineEntry,
  type UnlockPickupRequest,
  type VerifyApplicantRequest,
  type WorkflowView,
} from './rpc.js';
import type {
  AssignTaskRequest,
  AuditPage,
  AuditQuery,
  BulkTaskReply,
  BulkTaskRequest,
  CreateDelegationRequest,
  DelegationView,
  OpinionView,
  RecordFindingsRequest,
  RecordOpinionRequest,
  RevokeDelegationRequest,
  ScheduleSurveyRequest,
  SiteSurveyView,
  WorklistPage,
  WorklistRequest,
} from './workbench.js';

/** A query that takes nothing: the caller sends `{}`. */
export type NoPayload = Record<string, never>;

/** The many queries about one case. */
export interface CaseQuery {
  caseNo: string;
}

export interface VerifyApplicantReply {
  match: boolean;
}

/**
 * What each subject in `Rpc` takes and answers: the caller (RpcClient.request) and the server (@OnRpc) are both
 * checked against this one entry, so a request and its handler cannot drift apart unnoticed.
 * Commands are `Command<T>` (who acts + the data), queries the bare request.
 */
export interface RpcMap extends FeesRpcMap {
  [Rpc.intake.health]: { request: NoPayload; reply: HealthReport };
  [Rpc.intake.listItems]: { request: NoPayload; reply: ServiceItem[] };
  [Rpc.intake.getItem]: { request: { code: string }; reply: ServiceItem };
  [Rpc.intake.acceptCase]: { request: Command<AcceptCaseRequest>; reply: AcceptCaseReply };
  [Rpc.intake.getCase]: { request: CaseQuery; reply: CaseView };
  [Rpc.intake.verifyApplicant]: { request: VerifyApplicantRequest; reply: VerifyApplicantReply };
  [Rpc.intake.createItem]: { request: Command<PublishItemRequest>; reply: PublishItemReply };
  [Rpc.intake.publishItem]: { request: Command<PublishItemRequest>; reply: PublishItemReply };
  [Rpc.intake.listDepartments]: { request: NoPayload; reply: DepartmentView[] };
  [Rpc.intake.listCenters]: { request: NoPayload; reply: CenterView[] };
  [Rpc.intake.getNotice]: { request: { noticeNo: string }; reply: OneTimeNoticeView };
  [Rpc.intake.refuse]: { request: Command<RefuseRequest>; reply: RefusalView };
  [Rpc.intake.getRefusal]: { request: { refusalNo: string }; reply: RefusalView };
  [Rpc.intake.supplement]: { request: Command<SupplementRequest>; reply: SupplementReply };
  [Rpc.intake.withdraw]: { request: Command<WithdrawRequest>; reply: WithdrawReply };
  [Rpc.intake.receipt]: { request: CaseQuery; reply: ReceiptView };
  [Rpc.intake.overduePendingMaterials]: { request: NoPayload; reply: OverduePendingView[] };

  [Rpc.routing.health]: { request: NoPayload; reply: HealthReport };
  [Rpc.routing.getWorkflow]: { request: CaseQuery; reply: WorkflowView };
  [Rpc.routing.getTimeline]: { request: CaseQuery; reply: TimelineEntry[] };
  [Rpc.routing.searchCases]: { request: CaseSearchQuery; reply: CaseSearchPage };
  [Rpc.routing.supervisionWarnings]: { request: SupervisionWarningsQuery; reply: SupervisionWarningView[] };
  [Rpc.routing.supervisionStats]: { request: SupervisionStatsQuery; reply: SupervisionStatsView };
  [Rpc.routing.runWarningSweep]: { request: NoPayload; reply: WarningSweepReply };

  [Rpc.approval.health]: { request: NoPayload; reply: HealthReport };
  [Rpc.approval.tasksOfCase]: { request: CaseQuery; reply: TaskView[] };
  [Rpc.approval.decide]: { request: Command<DecideTaskRequest>; reply: TaskView };
  [Rpc.approval.extendTask]: { request: Command<ExtendTaskRequest>; reply: TaskView };
  [Rpc.approval.worklist]: { request: WorklistRequest; reply: WorklistPage };
  [Rpc.approval.assignTask]: { request: Command<AssignTaskRequest>; reply: TaskView };
  [Rpc.approval.bulkTasks]: { request: Command<BulkTaskRequest>; reply: BulkTaskReply };
  [Rpc.approval.createDelegation]: { request: Command<CreateDelegationRequest>; reply: DelegationView };
  [Rpc.approval.listDelegations]: { request: { department: string }; reply: DelegationView[] };
  [Rpc.approval.revokeDelegation]: { request: Command<RevokeDelegationRequest>; reply: DelegationView };
  [Rpc.approval.departmentAudit]: { request: AuditQuery; reply: AuditPage };
  [Rpc.approval.scheduleSurvey]: { request: Command<ScheduleSurveyRequest>; reply: SiteSurveyView };
  [Rpc.approval.recordFindings]: { request: Command<RecordFindingsRequest>; reply: SiteSurveyView };
  [Rpc.approval.surveysOfCase]: { request: CaseQuery; reply: SiteSurveyView[] };
  [Rpc.approval.recordOpinion]: { request: Command<RecordOpinionRequest>; reply: OpinionView };
  [Rpc.approval.opinionsOfCase]: { request: CaseQuery; reply: OpinionView[] };


  [Rpc.delivery.health]: { request: NoPayload; reply: HealthReport };
  [Rpc.delivery.listDeliveries]: { request: { status?: string; method?: string }; reply: DeliveryView[] };
  [Rpc.delivery.deliveriesOfCase]: { request: CaseQuery; reply: DeliveryView[] };
  [Rpc.delivery.dispatch]: { request: Command<DispatchRequest>; reply: DeliveryView };
  [Rpc.delivery.markDelivered]: { request: Command<DeliveredRequest>; reply: DeliveryView };
  [Rpc.delivery.pickup]: { request: Command<PickupRequest>; reply: DeliveryView };
  [Rpc.delivery.unlockPickup]: { request: Command<UnlockPickupRequest>; reply: DeliveryView };
  [Rpc.delivery.pickupCodeOfCase]: { request: CaseQuery; reply: PickupCodeView | null };
}

export type RpcSubject = keyof RpcMap;
export type RpcRequest<S extends RpcSubject> = RpcMap[S]['request'];
export type RpcReply<S extends RpcSubject> = RpcMap[S]['reply'];

/** Every string leaf of `Rpc`. */
type LeavesOf<T> = T extends string ? T : { [K in keyof T]: LeavesOf<T[K]> }[keyof T];

/** Fails to compile when a subject is added to `Rpc` without its entry here. */
type EveryRpcSubjectMapped<M extends Record<LeavesOf<typeof Rpc>, { request: unknown; reply: unknown }>> = M;
type RpcMapIsComplete = EveryRpcSubjectMapped<RpcMap>;
