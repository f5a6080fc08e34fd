import { CaseStatus } from '#libs/contracts';
import { followUpDueAt, hasEnded, isPoor, ratingFigures, reviewingDepartments } from './rating-rules.js';

describe('hasEnded', () => {
  it('is true for DELIVERED, REJECTED and WITHDRAWN only', () => {
    expect(Object.values(CaseStatus).filter(hasEnded).sort()).toEqual(['DELIVERED', 'REJECTED', 'WITHDRAWN']);
  });
});

describe('isPoor', () => {
  it('is 1 and 2 (差评)', () => {
    expect([1, 2, 3, 4, 5].map(isPoor)).toEqual([true, true, false, false, false]);
  });
});

describe('reviewingDepartments', () => {
  const plan = [
    { stage: 2, departments: ['FIRE', 'NRB'] },
    { stage: 1, departments: ['HUD', 'TAX', 'NRB'], lead: 'NRB' },
  ];

  it('names the departments of every stage reached, in plan order, once each', () => {
    expect(reviewingDepartments(plan, 2)).toEqual(['HUD', 'TAX', 'NRB', 'FIRE']);
  });

  it('leaves out the stages the case never reached', () => {
    expect(reviewingDepartments(plan, 1)).toEqual(['HUD', 'TAX', 'NRB']);
  });
});

describe('followUpDueAt', () => {
  it('is the end of the 5th working day after the rating, Shanghai time', () => {
    // Friday 2026-11-27 10:00 Shanghai: Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 December.
    expect(followUpDueAt(new Date('2026-11-27T02:00:00Z')).toISOString()).toBe('2026-12-04T15:59:59.000Z');
  });

  it('skips the National Day holiday and counts its make-up Saturday', () => {
    // Monday 2026-09-28: 29, 30 September, the holiday to 7 October, 8 and 9 October, Saturday 10 October (调休上班).
    expect(followUpDueAt(new Date('2026-09-28T02:00:00Z')).toISOString()).toBe('2026-10-10T15:59:59.000Z');
  });
});

describe('ratingFigures', () => {
  it('rounds the average to two decimals and the share of 差评 to four', () => {
    expect(ratingFigures(3, '3.6666666666666667', 1)).toEqual({ count: 3, average: 3.67, poor: 1, poorShare: 0.3333 });
  });

  it('has no average and no share without ratings', () => {
    expect(ratingFigures(0, null, 0)).toEqual({ count: 0, average: null, poor: 0, poorShare: null });
  });
});
