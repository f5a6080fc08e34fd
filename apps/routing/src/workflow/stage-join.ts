import type { ReviewStage, TaskDecidedData } from '#libs/contracts';

export type Decision = TaskDecidedData['decision'];

export interface RecordedDecision {
  stage: number;
  department: string;
  decision: Decision;
  opinion: string;
}

/** Where a stage stands after its decisions so far (并联审批: its departments decide in parallel, in any order). */
export type StageOutcome =
  | { kind: 'REJECTED'; rejection: RecordedDecision }
  | { kind: 'SUSPENDED'; supplementRequestedBy: string[] }
  | { kind: 'WAITING'; pending: string[] }
  | { kind: 'COMPLETED'; next: ReviewStage | null };

/** Plans are data from the catalog: go by stage number, not by the order they were written in. */
export function orderedPlan(plan: ReviewStage[]): ReviewStage[] {
  return [...plan].sort((a, b) => a.stage - b.stage);
}

export function firstStage(plan: ReviewStage[]): ReviewStage | null {
  return orderedPlan(plan)[0] ?? null;
}

/**
 * The join: any rejection ends the case; a supplement request holds the stage; the stage completes only when every
 * one of its departments approved. Decisions of other stages, or of departments outside the plan, do not count.
 */
export function joinStage(plan: ReviewStage[], stage: number, decisions: RecordedDecision[]): StageOutcome {
  const ordered = orderedPlan(plan);
  const index = ordered.findIndex((s) => s.stage === stage);
  if (index < 0) throw new Error(`stage ${stage} is not in the review plan`);
  const departments = ordered[index].departments;
  const byDepartment = new Map(
    decisions.filter((d) => d.stage === stage && departments.includes(d.department)).map((d) => [d.department, d]),
  );
  const own = [...byDepartment.values()];
  const rejection = own.find((d) => d.decision === 'REJECT');
  if (rejection) return { kind: 'REJECTED', rejection };
  const supplementRequestedBy = own.filter((d) => d.decision === 'REQUEST_SUPPLEMENT').map((d) => d.department);
  if (supplementRequestedBy.length) return { kind: 'SUSPENDED', supplementRequestedBy };
  const pending = departments.filter((dep) => byDepartment.get(dep)?.decision !== 'APPROVE');
  if (pending.length) return { kind: 'WAITING', pending };
  return { kind: 'COMPLETED', next: ordered[index + 1] ?? null };
}
