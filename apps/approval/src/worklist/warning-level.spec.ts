import { fromShanghai, WorkingCalendar } from '#libs/calendar';
import { warningLevel, warningThreshold, workingMsBetween } from './warning-level.js';

// 2026-10-01..07 is the National Day holiday in the official schedule; 2026-10-10 (Saturday) is a make-up working day.
const calendar = new WorkingCalendar({
  years: { '2026': { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: ['2026-10-10'] } },
});
const at = (date: string, time = '00:00:00') => fromShanghai(date, time);
const HOUR = 3_600_000;

describe('working time between two instants', () => {
  it('counts only working days, in the Asia/Shanghai calendar', () => {
    // Monday 9:00 to Wednesday 9:00: two full working days.
    expect(workingMsBetween(at('2026-11-23', '09:00:00'), at('2026-11-25', '09:00:00'), calendar)).toBe(48 * HOUR);
    // Friday 12:00 to Monday 12:00: half of Friday and half of Monday; the weekend is free.
    expect(workingMsBetween(at('2026-11-27', '12:00:00'), at('2026-11-30', '12:00:00'), calendar)).toBe(24 * HOUR);
    // The holiday week counts nothing; the make-up Saturday counts.
    expect(workingMsBetween(at('2026-10-01'), at('2026-10-08'), calendar)).toBe(0);
    expect(workingMsBetween(at('2026-10-10'), at('2026-10-12'), calendar)).toBe(24 * HOUR);
  });

  it('is zero for an empty or reversed interval', () => {
    expect(workingMsBetween(at('2026-11-25'), at('2026-11-25'), calendar)).toBe(0);
    expect(workingMsBetween(at('2026-11-26'), at('2026-11-25'), calendar)).toBe(0);
  });
});

describe('warning level (80% rule in working time)', () => {
  // Created Monday 00:00, due Friday 23:59:59: five working days.
  const task = { status: 'OPEN' as const, createdAt: at('2026-11-23'), dueAt: at('2026-11-27', '23:59:59') };
  const opts = { calendar, threshold: 0.8 };

  it('is NONE before 80% of the working time is used', () => {
    expect(warningLevel(task, at('2026-11-26', '23:00:00'), opts)).toBe('NONE'); // 3.96 of 5 days
  });

  it('turns YELLOW at 80% and stays yellow until the due time', () => {
    expect(warningLevel(task, at('2026-11-27', '00:00:00'), opts)).toBe('YELLOW'); // 4 of 5 days
    expect(warningLevel(task, at('2026-11-27', '23:59:59'), opts)).toBe('YELLOW');
  });

  it('turns RED once the due time has passed', () => {
    expect(warningLevel(task, at('2026-11-28', '00:00:00'), opts)).toBe('RED');
  });

  it('does not let a weekend in the middle eat the working time', () => {
    // Created Thursday, due next Wednesday: Thu, Fri, Mon, Tue, Wed. On Sunday 2 of 5 days are used.
    const t = { status: 'OPEN' as const, createdAt: at('2026-11-26'), dueAt: at('2026-12-02', '23:59:59') };
    expect(warningLevel(t, at('2026-11-29', '23:00:00'), opts)).toBe('NONE');
    expect(warningLevel(t, at('2026-12-02', '00:00:00'), opts)).toBe('YELLOW');
  });

  it('leaves out the working time the task spent paused by a supplement', () => {
    // Created Mon 23 Nov, due Tue 1 Dec: 7 working days, 3 of which the case spent suspended (the due time moved by them).
    const t = { status: 'OPEN' as const, createdAt: at('2026-11-23', '00:00:00'), dueAt: at('2026-12-01', '23:59:59') };
    const threeDays = 3 * 86_400_000;
    // On Tue 1 Dec, 00:00: 6 working days elapsed, 3 paused → 3 of the department's 4 used (75 %): not yet yellow.
    expect(warningLevel({ ...t, pausedMs: threeDays }, at('2026-12-01', '00:00:00'), opts)).toBe('NONE');
    // Counting the pause as used time (6 of 7, 86 %) would have warned.
    expect(warningLevel(t, at('2026-12-01', '00:00:00'), opts)).toBe('YELLOW');
  });

  it('warns only for open tasks', () => {
    expect(warningLevel({ ...task, status: 'APPROVED' }, at('2026-12-30'), opts)).toBe('NONE');
    expect(warningLevel({ ...task, status: 'SUPPLEMENT_REQUESTED' }, at('2026-12-30'), opts)).toBe('NONE');
  });

  it('is YELLOW when no working time lies between creation and the due time', () => {
    const weekend = { status: 'OPEN' as const, createdAt: at('2026-11-28', '10:00:00'), dueAt: at('2026-11-28', '23:59:59') };
    expect(warningLevel(weekend, at('2026-11-28', '11:00:00'), opts)).toBe('YELLOW');
  });

  it('reads the threshold from WARNING_THRESHOLD, ignoring nonsense', () => {
    expect(warningThreshold(undefined)).toBe(0.8);
    expect(warningThreshold('0.5')).toBe(0.5);
    expect(warningThreshold('2')).toBe(0.8);
    expect(warningThreshold('abc')).toBe(0.8);
  });
});
