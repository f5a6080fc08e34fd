import { fromShanghai, WorkingCalendar } from '#libs/calendar';
import { taskWarningLevel } from './warning-level.js';

const cal = WorkingCalendar.official();
const at = (date: string, time = '00:00:00') => fromShanghai(date, time);

describe('a review task’s warning level (80% rule in working time)', () => {
  // Created Monday 00:00, due Friday 23:59:59: five working days.
  const task = { status: 'OPEN' as const, createdAt: at('2026-11-23'), dueAt: at('2026-11-27', '23:59:59') };

  it('is NONE before 80% of the working time is used, YELLOW from there, RED once the due time has passed', () => {
    expect(taskWarningLevel(cal, task, at('2026-11-26', '23:00:00'), 0.8)).toBe('NONE'); // 3.96 of 5 days
    expect(taskWarningLevel(cal, task, at('2026-11-27', '00:00:00'), 0.8)).toBe('YELLOW'); // 4 of 5 days
    expect(taskWarningLevel(cal, task, at('2026-11-27', '23:59:59'), 0.8)).toBe('YELLOW');
    expect(taskWarningLevel(cal, task, at('2026-11-28', '00:00:00'), 0.8)).toBe('RED');
  });

  it('leaves out the working time the task spent paused by a supplement', () => {
    // Created Mon 23 Nov, due Tue 1 Dec: 7 working days, 3 of which the case spent suspended (the due time moved by them).
    const t = { status: 'OPEN' as const, createdAt: at('2026-11-23'), dueAt: at('2026-12-01', '23:59:59') };
    // On Tue 1 Dec, 00:00: 6 working days elapsed, 3 paused → 3 of the department's 4 used (75 %): not yet yellow.
    expect(taskWarningLevel(cal, { ...t, pausedMs: 3 * 86_400_000 }, at('2026-12-01'), 0.8)).toBe('NONE');
    expect(taskWarningLevel(cal, t, at('2026-12-01'), 0.8)).toBe('YELLOW');
  });

  it('warns only for open tasks', () => {
    expect(taskWarningLevel(cal, { ...task, status: 'APPROVED' }, at('2026-12-30'), 0.8)).toBe('NONE');
    expect(taskWarningLevel(cal, { ...task, status: 'SUPPLEMENT_REQUESTED' }, at('2026-12-30'), 0.8)).toBe('NONE');
  });

  it('takes the threshold it is given', () => {
    expect(taskWarningLevel(cal, task, at('2026-11-25', '12:00:00'), 0.5)).toBe('YELLOW');
    expect(taskWarningLevel(cal, task, at('2026-11-25', '12:00:00'), 0.8)).toBe('NONE');
  });
});
