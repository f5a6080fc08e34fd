import type { Actor } from '../envelope.js';
import type { HealthReport } from '../health.js';
import type { CaseQuery, Command, NoPayload } from '../rpc.js';
import type { Decision } from './decisions.js';

/** What the approval service answers on request/reply; composed into `Rpc` and `RpcMap`. */
export const ApprovalRpc = {
  health: 'rpc.approval.health',
  tasksOfCase: 'rpc.approval.tasks.of-case',
  decide: 'rpc.approval.task.decide',
  extendTask: 'rpc.approval.task.extend',
  worklist: 'rpc.approval.tasks.worklist',
  assignTask: 'rpc.approval.task.assign',
  bulkTasks: 'rpc.approval.tasks.bulk',
  createDelegation: 'rpc.approval.delegations.create',
  listDelegations: 'rpc.approval.delegations.list',
  revokeDelegation: 'rpc.approval.delegations.revoke',
  actingDepartments: 'rpc.approval.delegations.acting-for',
  departmentAudit: 'rpc.approval.audit.of-department',
  scheduleSurvey: 'rpc.approval.site-survey.schedule',
  recordFindings: 'rpc.approval.site-survey.findings',
  surveysOfCase: 'rpc.approval.site-survey.of-case',
  recordOpinion: 'rpc.approval.opinion.record',
  opinionsOfCase: 'rpc.approval.opinion.of-case',
} as const;

/** A review task's life: OPEN → APPROVED | REJECTED | SUPPLEMENT_REQUESTED | CANCELLED; PAUSED while its case waits. */
export const TASK_STATUSES = ['OPEN', 'APPROVED', 'REJECTED', 'SUPPLEMENT_REQUESTED', 'CANCELLED', 'PAUSED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** rpc.approval.tasks.of-case {caseNo} → TaskView[]; the worklist answers pages of them. */
export interface TaskView {
  taskId: string;
  caseNo: string;
  itemCode: string;
  itemName: string;
  department: string;
  stage: number;
  status: TaskStatus;
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

/** rpc.approval.task.decide: Command<DecideTaskRequest> → TaskView (rules: DecideTaskSchema). */
export interface DecideTaskRequest {
  taskId: string;
  decision: Decision;
  opinion: string;
  /** With REQUEST_SUPPLEMENT: every material the applicant must bring (一次性告知). */
  requested?: { code?: string; name: string; reason?: string }[];
}

/** The one extension a task may get. */
export interface TaskExtensionView {
  workingDays: number;
  reason: string;
  extendedBy: string;
  extendedAt: string;
  previousDueAt: string;
}

/** rpc.approval.task.extend: Command<ExtendTaskRequest> → TaskView. */
export interface ExtendTaskRequest {
  taskId: string;
  workingDays: number;
  reason: string;
}

/**
 * The department workbench (issue #4): worklists, reassignment, bulk actions, backups (AB岗), the audit trail,
 * joint site surveys (联合踏勘) and consultation opinions (会商). Requests are `Command<T>` when they change state
 * and carry the caller as `actor` when they only read (a worklist depends on who asks).
 */

/** Yellow once 80% of the working time between the task's creation and its due time is used; red once overdue. */
export type WarningLevel = 'NONE' | 'YELLOW' | 'RED';

/** rpc.approval.tasks.worklist → WorklistPage. */
export interface WorklistRequest {
  actor: Actor;
  status?: TaskView['status'];
  itemCode?: string;
  /** ISO instant: tasks due strictly before it. */
  dueBefore?: string;
  /** true: open tasks past their due time; false: everything else. */
  overdue?: boolean;
  /** One of the departments the caller works for (their own, or one they are an active backup for). */
  department?: string;
  assignee?: string;
  cursor?: string;
  limit?: number;
}

export interface WorklistTaskView extends TaskView {
  warningLevel: WarningLevel;
}

export interface WorklistPage {
  items: WorklistTaskView[];
  /** Opaque; pass it back as `cursor` for the next page. Null on the last page. */
  nextCursor: string | null;
  /** The departments this worklist covers (own department first, then those the caller is a backup for). */
  departments: string[];
}

/** rpc.approval.task.assign. The gateway has checked that `assignee` is a user and says which department they are in. */
export interface AssignTaskRequest {
  taskId: string;
  /** null: back to the whole department. */
  assignee: string | null;
  assigneeDepartment?: string | null;
  reason: string;
}

/** rpc.approval.tasks.bulk → BulkTaskReply: each task is its own transaction; some may succeed while others fail. */
export interface BulkTaskRequest {
  action: 'APPROVE' | 'ASSIGN';
  taskIds: string[];
  opinion?: string;
  assignee?: string | null;
  assigneeDepartment?: string | null;
  reason?: string;
}

export interface BulkTaskResult {
  taskId: string;
  ok: boolean;
  /** The HTTP status this task alone would have got. */
  status: number;
  task?: TaskView;
  code?: string;
  message?: string;
}

export interface BulkTaskReply {
  bulkId: string;
  action: 'APPROVE' | 'ASSIGN';
  succeeded: number;
  failed: number;
  results: BulkTaskResult[];
}

/** rpc.approval.delegations.create. The gateway has checked both users exist and resolved the primary. */
export interface CreateDelegationRequest {
  department: string;
  primaryUser: string;
  backupUser: string;
  from: string;
  to: string;
  reason: string;
}

export interface DelegationView extends CreateDelegationRequest {
  delegationId: string;
  createdBy: string;
  createdAt: string;
  revokedAt?: string;
  revokedBy?: string;
  /** Now within [from, to] and not revoked. */
  active: boolean;
}

/**
 * rpc.approval.delegations.acting-for {actor} → the departments a CHIEF_REP may act for now: their own, then those
 * they are an active backup (AB岗) for. The gateway's CaseAccess scopes a chief representative's reads with it.
 */
export interface ActingDepartmentsRequest {
  actor: Actor;
}

export interface ActingDepartmentsReply {
  departments: string[];
}

/** rpc.approval.delegations.revoke. */
export interface RevokeDelegationRequest {
  department: string;
  delegationId: string;
}

/** What the department audit log records; one list for the service that writes it and the API that filters by it. */
export const AUDIT_ACTIONS = [
  'TASK_DECIDED',
  'TASK_ASSIGNED',
  'BULK_ACTION',
  'DELEGATION_CREATED',
  'DELEGATION_REVOKED',
  'SURVEY_SCHEDULED',
  'SURVEY_FINDINGS_RECORDED',
  'OPINION_RECORDED',
  'TASK_EXTENDED',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** rpc.approval.audit.of-department {department, cursor?, limit?} → AuditPage (newest first). */
export interface AuditQuery {
  department: string;
  action?: AuditAction;
  cursor?: string;
  limit?: number;
}

export interface AuditEntryView {
  id: string;
  at: string;
  actor: Actor;
  action: string;
  department: string;
  taskId?: string;
  caseNo?: string;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditEntryView[];
  nextCursor: string | null;
}

/** rpc.approval.site-survey.schedule: the lead department's representative (or its backup). */
export interface ScheduleSurveyRequest {
  caseNo: string;
  at: string;
  place: string;
  departments: string[];
}

/** rpc.approval.site-survey.findings: one department's findings, once. */
export interface RecordFindingsRequest {
  surveyId: string;
  findings: string;
  /** Needed only when the caller could record for more than one of the survey's departments. */
  department?: string;
}

export interface SiteSurveyView {
  surveyId: string;
  caseNo: string;
  stage: number;
  lead: string;
  at: string;
  place: string;
  departments: string[];
  /** Every department of the stage: all of them were told. */
  notified: string[];
  scheduledBy: string;
  scheduledAt: string;
  findings: { department: string; findings: string; recordedBy: string; onBehalfOf?: string; recordedAt: string }[];
  /** Departments whose findings are still missing. */
  pending: string[];
  /** Set once every department's findings are in: from then on the lead may approve. */
  recordedAt?: string;
}

/** rpc.approval.opinion.record: a consultation opinion (会商意见) of a department with a task in the case. */
export interface RecordOpinionRequest {
  caseNo: string;
  opinion: string;
  department?: string;
}

export interface OpinionView {
  opinionId: string;
  caseNo: string;
  department: string;
  author: string;
  onBehalfOf?: string;
  opinion: string;
  at: string;
}

export interface ApprovalRpcMap {
  [ApprovalRpc.health]: { request: NoPayload; reply: HealthReport };
  [ApprovalRpc.tasksOfCase]: { request: CaseQuery; reply: TaskView[] };
  [ApprovalRpc.decide]: { request: Command<DecideTaskRequest>; reply: TaskView };
  [ApprovalRpc.extendTask]: { request: Command<ExtendTaskRequest>; reply: TaskView };
  [ApprovalRpc.worklist]: { request: WorklistRequest; reply: WorklistPage };
  [ApprovalRpc.assignTask]: { request: Command<AssignTaskRequest>; reply: TaskView };
  [ApprovalRpc.bulkTasks]: { request: Command<BulkTaskRequest>; reply: BulkTaskReply };
  [ApprovalRpc.createDelegation]: { request: Command<CreateDelegationRequest>; reply: DelegationView };
  [ApprovalRpc.listDelegations]: { request: { department: string }; reply: DelegationView[] };
  [ApprovalRpc.revokeDelegation]: { request: Command<RevokeDelegationRequest>; reply: DelegationView };
  [ApprovalRpc.actingDepartments]: { request: ActingDepartmentsRequest; reply: ActingDepartmentsReply };
  [ApprovalRpc.departmentAudit]: { request: AuditQuery; reply: AuditPage };
  [ApprovalRpc.scheduleSurvey]: { request: Command<ScheduleSurveyRequest>; reply: SiteSurveyView };
  [ApprovalRpc.recordFindings]: { request: Command<RecordFindingsRequest>; reply: SiteSurveyView };
  [ApprovalRpc.surveysOfCase]: { request: CaseQuery; reply: SiteSurveyView[] };
  [ApprovalRpc.recordOpinion]: { request: Command<RecordOpinionRequest>; reply: OpinionView };
  [ApprovalRpc.opinionsOfCase]: { request: CaseQuery; reply: OpinionView[] };
}
