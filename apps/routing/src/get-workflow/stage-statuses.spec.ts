import { CaseStatus, type ReviewStage } from '#libs/contracts';
import { stageStatuses } from './stage-statuses.js';

const plan: ReviewStage[] = [
  { stage: 1, departments: ['MARKET'], lead: 'MARKET' },
  { stage: 2, departments: ['FIRE', 'HOUSING', 'ENV'] },
  { stage: 3, departments: ['TAX'] },
];

const statuses = (current: number, status: CaseStatus) => stageStatuses(plan, current, status).map((s) => s.status);

describe('stageStatuses', () => {
  it('shows the current stage open, earlier ones completed and later ones pending', () => {
    expect(statuses(2, CaseStatus.IN_REVIEW)).toEqual(['COMPLETED', 'OPEN', 'PENDING']);
    expect(statuses(2, CaseStatus.SUSPENDED)).toEqual(['COMPLETED', 'OPEN', 'PENDING']);
  });

  it('shows the stage that rejected the case', () => {
    expect(statuses(2, CaseStatus.REJECTED)).toEqual(['COMPLETED', 'REJECTED', 'PENDING']);
  });

  it('shows every stage completed once the case is approved or further', () => {
    expect(statuses(3, CaseStatus.APPROVED)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(statuses(3, CaseStatus.DELIVERED)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
  });

  it('keeps departments and lead of each stage', () => {
    expect(stageStatuses(plan, 1, CaseStatus.IN_REVIEW)[0]).toEqual({ stage: 1, departments: ['MARKET'], lead: 'MARKET', status: 'OPEN' });
  });
});
