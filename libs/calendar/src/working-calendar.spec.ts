import { fromShanghai, toShanghai } from './shanghai-time.js';
import { WorkingCalendar } from './working-calendar.js';

const cal = WorkingCalendar.official();
const at = (date: string, time = '10:00:00') => fromShanghai(date, time);
const day = (d: Date) => toShanghai(d)!.slice(0, 10);

describe('the official working-day calendar', () => {
  it('knows holiday blocks, make-up working weekends and plain weekends', () => {
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // National Day
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // make-up Saturday
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // make-up Saturday before Spring Festival
    expect(cal.isWorkingDay('2025-01-26')).toBe(true); // make-up Sunday
    expect(cal.isWorkingDay('2026-11-21')).toBe(false); // ordinary Saturday
    expect(cal.isWorkingDay('2026-11-23')).toBe(true);
  });

  it('puts a deadline at the end of the Nth working day after acceptance, in Asia/Shanghai', () => {
    const d = cal.deadline(at('2026-11-23'), 5); // Monday
    expect(toShanghai(d.at)).toBe('2026-11-30T23:59:59+08:00');
    expect(d.estimated).toBe(false);
  });

  it('skips a holiday block and counts the make-up Saturday', () => {
    // Accepted Tue 2026-09-29; 09-30 works, 10-01..07 off, 10-08 Thu, 10-09 Fri, 10-10 make-up Sat.
    expect(day(cal.deadline(at('2026-09-29'), 4).at)).toBe('2026-10-10');
  });

  it('counts acceptance on a holiday from the next working day', () => {
    expect(day(cal.deadline(at('2026-10-03'), 0).at)).toBe('2026-10-08');
    expect(day(cal.deadline(at('2026-10-03'), 1).at)).toBe('2026-10-09');
  });

  it('uses the Shanghai date, not the UTC one, of a late-evening acceptance', () => {
    // 2026-11-23 23:30 Shanghai is still the 23rd there (15:30 UTC), so one day later is the 24th.
    expect(day(cal.deadline(at('2026-11-23', '23:30:00'), 1).at)).toBe('2026-11-24');
    // 00:30 Shanghai on the 24th is the 23rd in UTC: the deadline must count from the 24th.
    expect(day(cal.deadline(at('2026-11-24', '00:30:00'), 1).at)).toBe('2026-11-25');
  });

  it('crosses the 2025/2026 year boundary through New Year', () => {
    // Wed 2025-12-31 + 1 → 2026-01-01..03 off, 01-04 (Sunday) is a make-up working day.
    expect(day(cal.deadline(at('2025-12-31'), 1).at)).toBe('2026-01-04');
  });

  it('falls back to weekends only for a year without a schedule, and says so', () => {
    const d = cal.deadline(at('2026-12-30'), 5);
    expect(d.estimated).toBe(true);
    expect(d.estimatedYears).toEqual([2027]);
    expect(day(d.at)).toBe('2027-01-06'); // 31 Dec, 1 Jan (no schedule: a plain Friday), 4, 5, 6 Jan
  });

  it('measures a suspension in working days, skipping the holiday it spans', () => {
    expect(cal.workingDaysBetween(at('2026-09-29'), at('2026-10-09'))).toBe(3); // 29, 30 Sep, 8 Oct
    const moved = cal.extend(cal.deadline(at('2026-09-29'), 2).at, 3);
    expect(day(moved.at)).toBe('2026-10-12'); // from 8 Oct: 9, 10 (make-up Saturday), 12
  });
});
