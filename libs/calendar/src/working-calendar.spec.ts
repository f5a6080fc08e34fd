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

  it('starts the period the day after an acceptance on a holiday: the first working day after it is day 1', () => {
    // Sat 3 Oct 2026 lies inside the National Day block (1–7 Oct); Thu 8 Oct is the first working day after it.
    expect(day(cal.deadline(at('2026-10-03'), 0).at)).toBe('2026-10-03');
    expect(day(cal.deadline(at('2026-10-03'), 1).at)).toBe('2026-10-08');
    expect(day(cal.deadline(at('2026-10-03'), 3).at)).toBe('2026-10-10'); // 8, 9 and the make-up Saturday 10 Oct
  });

  it('gives a center open on a Saturday no extra day: the next working Monday is day 1', () => {
    // Sat 21 Nov 2026, an ordinary weekend day.
    expect(day(cal.deadline(at('2026-11-21'), 1).at)).toBe('2026-11-23');
    expect(day(cal.deadline(at('2026-11-21'), 5).at)).toBe('2026-11-27');
    expect(cal.deadline(at('2026-11-21'), 5).estimated).toBe(false);
  });

  it('makes an immediate item (0 days) accepted on a Saturday due that Saturday', () => {
    expect(toShanghai(cal.deadline(at('2026-11-21'), 0).at)).toBe('2026-11-21T23:59:59+08:00');
    expect(toShanghai(cal.deadline(at('2026-11-21', '23:30:00'), 0).at)).toBe('2026-11-21T23:59:59+08:00');
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

describe('the official schedules of 2025 and 2026, case by case', () => {
  it('skips the 2026 Spring Festival block and counts both make-up Saturdays', () => {
    // Fri 13 Feb → 14 Feb is a make-up Saturday; 15–23 Feb off; 24 Feb (Tue) is the next working day.
    expect(day(cal.deadline(at('2026-02-13'), 1).at)).toBe('2026-02-14');
    expect(day(cal.deadline(at('2026-02-13'), 2).at)).toBe('2026-02-24');
    // 24, 25, 26, 27 Feb, then 28 Feb (make-up Saturday).
    expect(day(cal.deadline(at('2026-02-13'), 6).at)).toBe('2026-02-28');
  });

  it('counts the 2025 make-up Sunday and Saturday around the Spring Festival', () => {
    // Fri 24 Jan 2025 → Sun 26 Jan (make-up), Mon 27 Jan, then 28 Jan–4 Feb off, 5, 6, 7 Feb, Sat 8 Feb (make-up).
    expect(day(cal.deadline(at('2025-01-24'), 1).at)).toBe('2025-01-26');
    expect(day(cal.deadline(at('2025-01-24'), 2).at)).toBe('2025-01-27');
    expect(day(cal.deadline(at('2025-01-24'), 3).at)).toBe('2025-02-05');
    expect(day(cal.deadline(at('2025-01-24'), 6).at)).toBe('2025-02-08');
  });

  it('counts the Labour Day, Dragon Boat and Mid-Autumn blocks with their make-up days', () => {
    expect(day(cal.deadline(at('2026-04-30'), 1).at)).toBe('2026-05-06'); // 1–5 May 2026 off
    expect(day(cal.deadline(at('2026-04-30'), 4).at)).toBe('2026-05-09'); // Sat 9 May is a make-up day
    expect(day(cal.deadline(at('2025-05-30'), 1).at)).toBe('2025-06-03'); // 31 May–2 Jun 2025 off
    expect(day(cal.deadline(at('2026-09-18'), 1).at)).toBe('2026-09-20'); // Sun 20 Sep 2026 is a make-up day
    expect(day(cal.deadline(at('2026-09-24'), 1).at)).toBe('2026-09-28'); // 25–27 Sep 2026 off
  });

  it('counts from the day after acceptance on a make-up weekend day and on a plain Sunday alike', () => {
    expect(day(cal.deadline(at('2026-10-10'), 0).at)).toBe('2026-10-10');
    expect(day(cal.deadline(at('2026-10-10'), 1).at)).toBe('2026-10-12');
    expect(day(cal.deadline(at('2026-11-22'), 0).at)).toBe('2026-11-22');
    expect(day(cal.deadline(at('2026-11-22'), 1).at)).toBe('2026-11-23');
  });

  it('accepts on a holiday during Spring Festival: the first working day after the block is day 1', () => {
    // 15–23 Feb 2026 off; 24, 25, 26, 27 Feb, then Sat 28 Feb (make-up).
    expect(day(cal.deadline(at('2026-02-17'), 0).at)).toBe('2026-02-17');
    expect(day(cal.deadline(at('2026-02-17'), 1).at)).toBe('2026-02-24');
    expect(day(cal.deadline(at('2026-02-17'), 4).at)).toBe('2026-02-27');
    expect(day(cal.deadline(at('2026-02-17'), 5).at)).toBe('2026-02-28');
  });

  it('measures a suspension over the Spring Festival and moves the deadline past the make-up Saturday', () => {
    // Suspended Thu 12 Feb 10:00, resumed Wed 25 Feb 09:00: 12, 13, 14 (make-up) and 24 Feb were working days.
    expect(cal.workingDaysBetween(at('2026-02-12'), at('2026-02-25', '09:00:00'))).toBe(4);
    const moved = cal.extend(fromShanghai('2026-02-26', '23:59:59'), 4);
    expect(day(moved.at)).toBe('2026-03-03'); // 27 Feb, 28 Feb (make-up Saturday), 2 Mar, 3 Mar
    expect(toShanghai(moved.at)).toBe('2026-03-03T23:59:59+08:00');
    expect(moved.estimated).toBe(false);
  });

  it('counts nothing for a suspension that starts and ends on the same day, or lies inside a holiday block', () => {
    expect(cal.workingDaysBetween(at('2026-11-23', '09:00:00'), at('2026-11-23', '17:00:00'))).toBe(0);
    expect(cal.workingDaysBetween(at('2026-10-02'), at('2026-10-06'))).toBe(0);
    expect(cal.extend(fromShanghai('2026-11-30', '23:59:59'), 0).at).toEqual(fromShanghai('2026-11-30', '23:59:59'));
  });

  it('measures a suspension across the 2025/2026 year boundary', () => {
    // 31 Dec 2025 (Wed) works, 1–3 Jan 2026 off, Sun 4 Jan 2026 is a make-up day.
    expect(cal.workingDaysBetween(at('2025-12-31'), at('2026-01-05'))).toBe(2);
  });

  it('marks a deadline estimated when acceptance lies in a year without a schedule', () => {
    // 2024 has no schedule here: 30 and 31 Dec 2024 count as plain weekdays; 1 Jan 2025 is the official holiday.
    const d = cal.deadline(at('2024-12-30'), 3);
    expect(day(d.at)).toBe('2025-01-03');
    expect(d.estimated).toBe(true);
    expect(d.estimatedYears).toEqual([2024]);
  });

  it('marks a moved deadline estimated when the move enters a year without a schedule', () => {
    const moved = cal.extend(fromShanghai('2026-12-30', '23:59:59'), 3);
    expect(day(moved.at)).toBe('2027-01-04'); // 31 Dec, Fri 1 Jan 2027 (no schedule: a plain weekday), Mon 4 Jan
    expect(moved.estimated).toBe(true);
    expect(moved.estimatedYears).toEqual([2027]);
    expect(cal.extend(fromShanghai('2026-12-28', '23:59:59'), 3).estimated).toBe(false);
  });

  it('knows which years it has a schedule for', () => {
    expect(cal.isKnownYear(2025)).toBe(true);
    expect(cal.isKnownYear(2026)).toBe(true);
    expect(cal.isKnownYear(2027)).toBe(false);
  });
});
