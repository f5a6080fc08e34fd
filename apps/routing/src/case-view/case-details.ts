import { maskIdNumber, maskPhone } from '#libs/checks';
import { CaseStatus, type CaseBlockView, type CaseDetailsView, type CaseTaskView, type CaseViewOwner, type DeliveryView, type NoticeView, type OpinionView } from '#libs/contracts';
import type { IntakePart, WorkflowPart } from './parts.js';

/** The parts of one case's view as they stand; a part left undefined is unknown right now (its owner is degraded). */
export interface ViewParts {
  intake: IntakePart;
  /** null: routing has not picked the case up yet. */
  workflow: WorkflowPart | null;
  tasks?: CaseTaskView[];
  opinions?: OpinionView[];
  /** null: the case has no payment notice. */
  notice?: NoticeView | null;
  deliveries?: DeliveryView[];
  blocks: CaseBlockView[];
  /** Owners whose part may be out of date (shown as last known) or is unknown (left out). */
  degraded: CaseViewOwner[];
  asOf: string;
  version: number;
}

/**
 * One view of a case from the five services that each own a part of it (GET /cases/{caseNo}). An unknown part is
 * left out and its owner named in `degraded`, never shown as `[]`: "unknown right now" is not "none". Masks are
 * applied again here (masking a masked value changes nothing): a service forgetting to mask must not put an ID
 * number on every staff screen.
 */
export function caseDetails(p: ViewParts): CaseDetailsView {
  const c = p.intake;
  const workflow = p.workflow;
  // Until routing has the case, nothing has moved it past its acceptance.
  const status = workflow?.status ?? CaseStatus.ACCEPTED;
  const degraded = OWNERS.filter((o) => p.degraded.includes(o));
  return {
    caseNo: c.caseNo,
    itemCode: c.itemCode,
    itemName: c.itemName,
    itemVersion: c.itemVersion,
    caseType: c.caseType,
    // A parked event means a service could not go on with the case: nothing moves until a person settles it, so the
    // screen says so instead of showing a status that will not change.
    ...(p.blocks.length ? { status: BLOCKED, statusBeforeBlocked: status, blockedBy: p.blocks } : { status }),
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
    ...(p.tasks ? { tasks: p.tasks } : {}),
    ...(p.opinions ? { opinions: p.opinions } : {}),
    ...(p.notice ? { paymentNotice: p.notice } : {}),
    ...(p.deliveries ? { deliveries: p.deliveries.map((d) => (d.phone ? { ...d, phone: maskPhone(d.phone) } : d)) } : {}),
    ...(degraded.length ? { degraded } : {}),
    asOf: p.asOf,
    version: p.version,
  };
}

const OWNERS: CaseViewOwner[] = ['intake', 'approval', 'fees', 'delivery'];

const BLOCKED = 'BLOCKED';
