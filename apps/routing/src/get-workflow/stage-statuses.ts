import { CaseStatus, type ReviewStage, type WorkflowView } from '#libs/contracts';
import { orderedPlan } from '../workflow/stage-join.js';

type StageView = WorkflowView['stages'][number];

const PAST_REVIEW = new Set<CaseStatus>([
  CaseStatus.APPROVED,
  CaseStatus.AWAITING_PAYMENT,
  CaseStatus.READY_FOR_DELIVERY,
  CaseStatus.DELIVERING,
  CaseStatus.DELIVERED,
]);

/** Each stage as the case's status and current stage imply: earlier ones completed, later ones not yet reached. */
export function stageStatuses(plan: ReviewStage[], currentStage: number, status: CaseStatus): StageView[] {
  return orderedPlan(plan).map((s) => ({
    stage: s.stage,
    departments: s.departments,
    ...(s.lead ? { lead: s.lead } : {}),
    status: stageStatus(s.stage, currentStage, status),
  }));
}

function stageStatus(stage: number, currentStage: number, status: CaseStatus): StageView['status'] {
  if (PAST_REVIEW.has(status) || stage < currentStage) return 'COMPLETED';
  if (stage > currentStage) return 'PENDING';
  if (status === CaseStatus.REJECTED) return 'REJECTED';
  if (status === CaseStatus.IN_REVIEW || status === CaseStatus.SUSPENDED) return 'OPEN';
  return 'PENDING';
}
