import { CaseStatus, type CaseView, type DeliveryView, type NoticeView, type OpinionView, type TaskView, type WorkflowView } from '#libs/contracts';
import { maskIdNumber, maskPhone } from '#libs/checks';
import type { CaseDetailsDto, CaseTaskDto } from './dto/case-details.dto.js';

/** A part of the case from an optional service: its answer, or `unavailable` when the service did not answer. */
export type Part<T> = { ok: true; value: T } | { ok: false };

export interface CaseParts {
  intakeCase: CaseView;
  workflow: Part<WorkflowView | null>;
  tasks: Part<TaskView[] | null>;
  notice: Part<NoticeView | null>;
  deliveries: Part<DeliveryView[] | null>;
  /** Consultation opinions (会商), from approval; optional so callers without them still assemble. */
  opinions?: Part<OpinionView[] | null>;
}

/**
 * One view of a case from the five services that each own a part of it. A service that did not answer is named
 * in `degraded`, so a missing part is never mistaken for an empty one. Masks are applied again here (masking a
 * masked value changes nothing): a service forgetting to mask must not put an ID number on every staff screen.
 */
export function assembleCaseDetails(p: CaseParts): CaseDetailsDto {
  const c = p.intakeCase;
  const workflow = p.workflow.ok ? p.workflow.value : null;
  const degraded = (['workflow', 'tasks', 'notice', 'deliveries'] as const)
    .filter((k) => !p[k].ok)
    .map((k) => SERVICE_OF[k]);
  const notice = p.notice.ok ? p.notice.value : null;
  const deliveries = p.deliveries.ok ? (p.deliveries.value ?? []) : null;
  return {
    caseNo: c.caseNo,
    itemCode: c.itemCode,
    itemName: c.itemName,
    itemVersion: c.itemVersion,
    caseType: c.caseType,
    // Without routing's answer the workflow status is unknown; intake's own status is the best left.
    status: workflow?.status ?? (p.workflow.ok ? CaseStatus.ACCEPTED : c.status),
    centerCode: c.centerCode,
    ...(c.centerName ? { centerName: c.centerName } : {}),
    applicant: { ...c.applicant, idNumber: maskIdNumber(c.applicant.idNumber), phone: maskPhone(c.applicant.phone) },
    acceptedAt: c.acceptedAt,
    // Routing moves the deadlines when the clock stops for a supplement.
    promisedDeadline: workflow?.promisedDeadline ?? c.promisedDeadline,
    legalDeadline: workflow?.legalDeadline ?? c.legalDeadline,
    // The clock (#4): deadlines over a year without an official schedule are estimates; every stop for a supplement.
    ...(workflow ? { deadlineEstimated: workflow.deadlineEstimated ?? false, ...(workflow.deadlineEstimated ? { estimatedYears: workflow.estimatedYears ?? [] } : {}) } : {}),
    ...(workflow ? { suspensions: workflow.suspensions ?? [] } : {}),
    ...(c.pendingMaterials ? { pendingMaterials: c.pendingMaterials } : {}),
    ...(c.pendingDueAt ? { pendingDueAt: c.pendingDueAt } : {}),
    ...(c.decidingAuthority ? { decidingAuthority: c.decidingAuthority } : {}),
    ...(c.immediateDecision ? { immediateDecision: c.immediateDecision } : {}),
    ...(c.withdrawnAt ? { withdrawnAt: c.withdrawnAt, withdrawReason: c.withdrawReason ?? '' } : {}),
    tasks: p.tasks.ok ? (p.tasks.value ?? []).map(taskOf) : [],
    opinions: p.opinions?.ok ? (p.opinions.value ?? []) : [],
    ...(notice ? { paymentNotice: notice } : {}),
    ...(deliveries ? { deliveries: deliveries.map((d) => (d.phone ? { ...d, phone: maskPhone(d.phone) } : d)) } : {}),
    ...(degraded.length ? { degraded } : {}),
  };
}

const SERVICE_OF = { workflow: 'routing', tasks: 'approval', notice: 'fees', deliveries: 'delivery' } as const;

function taskOf(t: TaskView): CaseTaskDto {
  const { taskId, department, stage, status, decision, opinion, dueAt, decidedBy, onBehalfOf, decidedAt, cancelReason, assignee } = t;
  return withoutUndefined({ taskId, department, stage, status, decision, opinion, dueAt, decidedBy, onBehalfOf, decidedAt, cancelReason, assignee });
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
