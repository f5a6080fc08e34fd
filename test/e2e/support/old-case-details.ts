import type { NatsConnection } from '@nats-io/transport-node';
import { AppError, Rpc } from '#libs/contracts';
import { caseBlocks, RpcClient } from '#libs/messaging';
import type { CaseBlock } from '#libs/messaging';
import { toShanghai } from '#libs/calendar';
import { CaseStatus, type CaseBlockView, type CaseView, type DeliveryView, type NoticeView, type OpinionView, type TaskView, type WorkflowView } from '#libs/contracts';
import { maskIdNumber, maskPhone } from '#libs/checks';

/** A part of the case from an optional service: its answer, or `unavailable` when the service did not answer. */
export type Part<T> = { ok: true; value: T } | { ok: false };

export interface CaseParts {
  intakeCase: CaseView;
  workflow: Part<WorkflowView | null>;
  tasks: Part<TaskView[] | null>;
  notice: Part<NoticeView | null>;
  deliveries: Part<DeliveryView[] | null>;
  /** Consultation opinions (会商), from approval. */
  opinions: Part<OpinionView[] | null>;
  /** Events of the case parked on the dead-letter stream; optional so callers without them still assemble. */
  blocks?: Part<CaseBlock[] | null>;
}

/**
 * One view of a case from the five services that each own a part of it. A service that did not answer is named
 * in `degraded` and its parts are left out, never shown as `[]`: "unknown right now" is not "none". Masks are
 * applied again here (masking a masked value changes nothing): a service forgetting to mask must not put an ID
 * number on every staff screen.
 */
export function assembleCaseDetails(p: CaseParts): Record<string, any> {
  const c = p.intakeCase;
  const workflow = p.workflow.ok ? p.workflow.value : null;
  const degraded = [...new Set(PARTS.filter((k) => !p[k].ok).map((k) => SERVICE_OF[k]))];
  const notice = p.notice.ok ? p.notice.value : null;
  const deliveries = p.deliveries.ok ? (p.deliveries.value ?? []) : null;
  const blocks = p.blocks?.ok ? (p.blocks.value ?? []) : [];
  // Without routing's answer the workflow status is unknown; intake's own status is the best left.
  const status = workflow?.status ?? (p.workflow.ok ? CaseStatus.ACCEPTED : c.status);
  return {
    caseNo: c.caseNo,
    itemCode: c.itemCode,
    itemName: c.itemName,
    itemVersion: c.itemVersion,
    caseType: c.caseType,
    // A parked event means a service could not go on with the case: nothing moves until a person settles it, so the
    // screen says so instead of showing a status that will not change.
    ...(blocks.length
      ? { status: BLOCKED, statusBeforeBlocked: status, blockedBy: blocks.map(blockView) }
      : { status }),
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
    ...(p.tasks.ok ? { tasks: (p.tasks.value ?? []).map(taskOf) } : {}),
    ...(p.opinions.ok ? { opinions: p.opinions.value ?? [] } : {}),
    ...(notice ? { paymentNotice: notice } : {}),
    ...(deliveries ? { deliveries: deliveries.map((d) => (d.phone ? { ...d, phone: maskPhone(d.phone) } : d)) } : {}),
    ...(degraded.length ? { degraded } : {}),
  };
}

const SERVICE_OF = { workflow: 'routing', tasks: 'approval', opinions: 'approval', notice: 'fees', deliveries: 'delivery' } as const;
const PARTS = Object.keys(SERVICE_OF) as (keyof typeof SERVICE_OF)[];

const BLOCKED = 'BLOCKED';

function blockView(b: CaseBlock): CaseBlockView {
  const parkedAt = toShanghai(new Date(b.parkedAt))!;
  return { service: b.service, consumer: b.consumer, ...(b.eventType ? { eventType: b.eventType } : {}), reason: b.reason, parkedAt, deadLetterSeq: b.seq };
}

function taskOf(t: TaskView): Record<string, unknown> {
  const { taskId, department, stage, status, decision, opinion, dueAt, decidedBy, onBehalfOf, decidedAt, cancelReason, assignee } = t;
  return withoutUndefined({ taskId, department, stage, status, decision, opinion, dueAt, decidedBy, onBehalfOf, decidedAt, cancelReason, assignee });
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}


/**
 * GET /cases/{caseNo} as the gateway answered it before issue #12 (its CaseDetailsService and assembleCaseDetails,
 * copied unchanged): the five services and the dead-letter stream asked on every call. The reference the case view
 * served from routing's read model must match, for tests.
 */
export async function oldCaseDetails(nc: NatsConnection, namespace: string, caseNo: string): Promise<Record<string, any>> {
  const rpc = new RpcClient(nc, namespace, 5000);
  const optional = { timeoutMs: 3000 };
  const [intakeCase, workflow, tasks, notice, deliveries, opinions, blocks] = await Promise.all([
    rpc.request(Rpc.intake.getCase, { caseNo }),
    part(rpc.request(Rpc.routing.getWorkflow, { caseNo }, optional)),
    part(rpc.request(Rpc.approval.tasksOfCase, { caseNo }, optional)),
    part(rpc.request(Rpc.fees.noticeOfCase, { caseNo }, optional)),
    part(rpc.request(Rpc.delivery.deliveriesOfCase, { caseNo }, optional)),
    part(rpc.request(Rpc.approval.opinionsOfCase, { caseNo }, optional)),
    part<CaseBlock[]>(caseBlocks(nc, namespace, caseNo)),
  ]);
  return assembleCaseDetails({ intakeCase, workflow, tasks, notice, deliveries, opinions, blocks });
}

async function part<T>(answer: Promise<T>): Promise<Part<T | null>> {
  try {
    return { ok: true, value: await answer };
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return { ok: true, value: null };
    return { ok: false };
  }
}
