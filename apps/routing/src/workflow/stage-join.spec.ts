import type { ReviewStage } from '#libs/contracts';
import { firstStage, joinStage, type Decision, type RecordedDecision } from './stage-join.js';

const plan: ReviewStage[] = [
  { stage: 2, departments: ['FIRE', 'HOUSING', 'ENV'], lead: 'HOUSING' },
  { stage: 1, departments: ['MARKET'], lead: 'MARKET' },
];

const d = (stage: number, department: string, decision: Decision = 'APPROVE', opinion = ''): RecordedDecision => ({
  stage,
  department,
  decision,
  opinion,
});

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('joinStage', () => {
  it('starts with the lowest stage number whatever the order of the plan', () => {
    expect(firstStage(plan)?.stage).toBe(1);
    expect(firstStage([])).toBeNull();
  });

  it('completes stage 1 with its single approval and opens stage 2 next', () => {
    const outcome = joinStage(plan, 1, [d(1, 'MARKET')]);
    expect(outcome).toEqual({ kind: 'COMPLETED', next: plan[0] });
  });

  it('waits in stage 2 until all three departments approved, in any order', () => {
    for (const order of permutations(['FIRE', 'HOUSING', 'ENV'])) {
      const seen: RecordedDecision[] = [d(1, 'MARKET')];
      order.forEach((department, i) => {
        seen.push(d(2, department));
        const outcome = joinStage(plan, 2, seen);
        if (i < 2) {
          expect(outcome.kind).toBe('WAITING');
          expect(outcome.kind === 'WAITING' && outcome.pending.sort()).toEqual(order.slice(i + 1).sort());
        } else {
          expect(outcome).toEqual({ kind: 'COMPLETED', next: null });
        }
      });
    }
  });

  it('rejects on any rejection, even after the others approved', () => {
    const outcome = joinStage(plan, 2, [d(2, 'FIRE'), d(2, 'ENV'), d(2, 'HOUSING', 'REJECT', '规划不符')]);
    expect(outcome).toEqual({ kind: 'REJECTED', rejection: d(2, 'HOUSING', 'REJECT', '规划不符') });
  });

  it('rejects on a rejection that arrives first, with others still open', () => {
    const outcome = joinStage(plan, 2, [d(2, 'ENV', 'REJECT', '环评未通过')]);
    expect(outcome.kind).toBe('REJECTED');
  });

  it('holds the stage while a supplement is requested', () => {
    const outcome = joinStage(plan, 2, [d(2, 'FIRE'), d(2, 'ENV', 'REQUEST_SUPPLEMENT', '补充消防图纸'), d(2, 'HOUSING')]);
    expect(outcome).toEqual({ kind: 'SUSPENDED', supplementRequestedBy: ['ENV'] });
  });

  it('does not count approvals of another stage or of a department outside the plan', () => {
    const outcome = joinStage(plan, 2, [d(1, 'FIRE'), d(1, 'HOUSING'), d(1, 'ENV'), d(2, 'TAX'), d(2, 'FIRE')]);
    expect(outcome).toEqual({ kind: 'WAITING', pending: ['HOUSING', 'ENV'] });
  });

  it('refuses a stage the plan does not have', () => {
    expect(() => joinStage(plan, 3, [])).toThrow('stage 3 is not in the review plan');
  });
});
