import { fromShanghai, WorkingCalendar } from '#libs/calendar';
import { clockFigures, p90, type ClockFact } from './stats-figures.js';

const cal = WorkingCalendar.official();
const at = (date: string, time = '10:00:00') => fromShanghai(date, time);
const window = { from: at('2026-01-01', '00:00:00'), to: at('2026-02-01', '00:00:00') };

const fact = (over: Partial<ClockFact>): ClockFact => ({
  caseNo: 'C1',
  startedAt: at('2026-01-05'),
  dueAt: at('2026-01-09', '23:59:59'),
  status: 'CLOSED',
  closedAt: at('2026-01-07', '16:00:00'),
  completed: true,
  ...over,
});

describe('supervision figures', () => {
  it('takes p90 by nearest rank', () => {
    expect(p90([])).toBeNull();
    expect(p90([3])).toBe(3);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([7, 2.25])).toBe(7);
  });

  it('counts accepted, completed on time and late, open and open overdue, with working days', () => {
    const facts = [
      fact({ caseNo: 'A' }), // Mon 10:00 → Wed 16:00: 14 h + 24 h + 16 h = 2.25 working days, on time
      fact({ caseNo: 'B', closedAt: at('2026-01-14') }), // Mon 10:00 → next Wed 10:00 = 7 working days, late
      fact({ caseNo: 'C', status: 'OPEN', closedAt: null, completed: false }), // open and past due now
      fact({ caseNo: 'D', status: 'PAUSED', closedAt: null, completed: false }), // open, paused: not overdue
      fact({ caseNo: 'E', startedAt: at('2025-12-29'), closedAt: at('2026-01-02'), completed: false }), // cancelled
    ];
    expect(clockFigures(cal, facts, window, at('2026-03-01'), () => [])).toEqual({
      accepted: 4,
      completed: 2,
      onTime: 1,
      overdue: 1,
      averageWorkingDays: 4.63,
      p90WorkingDays: 7,
      openNow: 2,
      openOverdue: 1,
    });
  });

  it('leaves suspensions out of the working time', () => {
    const stops = [{ from: at('2026-01-06', '00:00:00'), to: at('2026-01-07', '00:00:00') }];
    const figures = clockFigures(cal, [fact({})], window, at('2026-03-01'), () => stops);
    expect(figures.averageWorkingDays).toBe(1.25);
  });

  it('has no averages when nothing was completed', () => {
    expect(clockFigures(cal, [], window, at('2026-03-01'), () => [])).toMatchObject({ completed: 0, averageWorkingDays: null, p90WorkingDays: null });
  });
});
