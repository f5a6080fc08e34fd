import { fromShanghai } from './shanghai-time.js';
import { warningLevel, warningTimes, type ClockInput } from './warning-rule.js';
import { WorkingCalendar } from './working-calendar.js';
import { activeMsBetween } from './working-time.js';

const cal = WorkingCalendar.official();
const at = (date: string, time = '10:00:00') => fromShanghai(date, time);
const H = 3_600_000;
const DAY = 24 * H;

// Accepted Monday 23 Nov 2026 10:00, promised 4 working days: due Friday 27 Nov 23:59:59.
const week: ClockInput = { start: at('2026-11-23'), due: at('2026-11-27', '23:59:59'), stops: [], threshold: 0.8 };

describe('the warning rule', () => {
  it('turns yellow once 80% of the working time from acceptance to the deadline is used, red right after it', () => {
    // 14 h on Monday + 3 × 24 h + 23:59:59 on Friday = 395,999 s; 80% = 316,799.2 s → Friday 01:59:59.2.
    expect(warningLevel(cal, week, at('2026-11-26', '23:00:00'))).toBe('NONE');
    expect(warningLevel(cal, week, at('2026-11-27', '01:59:59'))).toBe('NONE');
    expect(warningLevel(cal, week, at('2026-11-27', '02:00:00'))).toBe('YELLOW');
    expect(warningLevel(cal, week, at('2026-11-27', '23:59:59'))).toBe('YELLOW');
    expect(warningLevel(cal, week, at('2026-11-28', '00:00:00'))).toBe('RED');
    expect(warningTimes(cal, week).yellowAt.toISOString()).toBe('2026-11-26T17:59:59.200Z');
  });

  it('uses no time over a weekend', () => {
    // Accepted Fri 20 Nov 10:00, due Tue 24 Nov: on Sunday evening only Friday's 14 of 62 hours are used.
    const c: ClockInput = { start: at('2026-11-20'), due: at('2026-11-24', '23:59:59'), stops: [], threshold: 0.8 };
    expect(warningLevel(cal, c, at('2026-11-22', '23:00:00'))).toBe('NONE');
    expect(warningLevel(cal, c, at('2026-11-24', '12:00:00'))).toBe('YELLOW');
    // Created Thursday 00:00, due next Wednesday: Thu, Fri, Mon, Tue, Wed. On Sunday 2 of 5 days are used.
    const t: ClockInput = { start: at('2026-11-26', '00:00:00'), due: at('2026-12-02', '23:59:59'), stops: [], threshold: 0.8 };
    expect(warningLevel(cal, t, at('2026-11-29', '23:00:00'))).toBe('NONE');
    expect(warningLevel(cal, t, at('2026-12-02', '00:00:00'))).toBe('YELLOW');
  });

  it('leaves a suspension out: after it the deadline moved and the share used is what it was before', () => {
    // Suspended Tue and Wed (2 working days), the deadline moved from Fri 27 Nov to Tue 1 Dec.
    const c: ClockInput = {
      start: at('2026-11-23'),
      due: at('2026-12-01', '23:59:59'),
      stops: [{ from: at('2026-11-24', '00:00:00'), to: at('2026-11-26', '00:00:00') }],
      threshold: 0.8,
    };
    expect(activeMsBetween(cal, c.start, c.due, c.stops)).toBe(activeMsBetween(cal, week.start, week.due, []));
    expect(warningLevel(cal, c, at('2026-11-30', '23:00:00'))).toBe('NONE');
    expect(warningLevel(cal, c, at('2026-12-01', '02:00:00'))).toBe('YELLOW');
  });

  it('leaves out stopped time known only as a sum, as a review task keeps it', () => {
    // Created Mon 23 Nov 00:00, due Tue 1 Dec: 7 working days, 3 of which the case spent suspended (the due time moved by them).
    const c: ClockInput = { start: at('2026-11-23', '00:00:00'), due: at('2026-12-01', '23:59:59'), stops: [], stoppedMs: 3 * DAY, threshold: 0.8 };
    // On Tue 1 Dec, 00:00: 6 working days elapsed, 3 stopped → 3 of the department's 4 used (75 %): not yet yellow.
    expect(warningLevel(cal, c, at('2026-12-01', '00:00:00'))).toBe('NONE');
    // Counting the stop as used time (6 of 7, 86 %) would have warned.
    expect(warningLevel(cal, { ...c, stoppedMs: 0 }, at('2026-12-01', '00:00:00'))).toBe('YELLOW');
    // Yellow comes at 80 % of the department's 4 days and 23:59:59 after its 3 stopped days.
    const { yellowAt } = warningTimes(cal, c);
    expect(warningLevel(cal, c, new Date(yellowAt.getTime() - 1))).toBe('NONE');
    expect(warningLevel(cal, c, yellowAt)).toBe('YELLOW');
  });

  it('is frozen while the case waits for a supplement: neither yellow nor overdue, however long it waits', () => {
    const waiting = { ...week, stops: [{ from: at('2026-11-25', '00:00:00'), to: null }] };
    expect(warningLevel(cal, waiting, at('2026-12-15'))).toBe('NONE');
    const lateWaiting = { ...week, stops: [{ from: at('2026-11-27', '12:00:00'), to: null }] };
    expect(warningLevel(cal, lateWaiting, at('2027-01-15'))).toBe('YELLOW');
    const overdueWaiting = { ...week, stops: [{ from: at('2026-11-30'), to: null }] };
    expect(warningLevel(cal, overdueWaiting, at('2026-12-15'))).toBe('RED');
  });

  it('takes the threshold it is given', () => {
    expect(warningLevel(cal, { ...week, threshold: 0.5 }, at('2026-11-25', '18:00:00'))).toBe('YELLOW');
    expect(warningLevel(cal, { ...week, threshold: 0.5 }, at('2026-11-25', '12:00:00'))).toBe('NONE');
  });

  it('is yellow from the start when there is no working time at all before the deadline', () => {
    const none: ClockInput = { start: at('2026-11-28'), due: at('2026-11-27', '23:59:59'), stops: [], threshold: 0.8 };
    expect(warningTimes(cal, none).yellowAt).toEqual(none.due);
    expect(warningLevel(cal, none, at('2026-11-28'))).toBe('RED');
    const weekend: ClockInput = { start: at('2026-11-28'), due: at('2026-11-28', '23:59:59'), stops: [], threshold: 0.8 };
    expect(warningLevel(cal, weekend, at('2026-11-28', '11:00:00'))).toBe('YELLOW');
  });

  it('agrees with the times the sweep stores, at every hour across holidays and a suspension', () => {
    const c: ClockInput = {
      start: at('2026-09-28', '15:20:00'),
      due: at('2026-10-16', '23:59:59'),
      stops: [{ from: at('2026-10-09', '11:00:00'), to: at('2026-10-12', '09:30:00') }],
      threshold: 0.8,
    };
    const { yellowAt, redAfter } = warningTimes(cal, c);
    for (let t = c.start.getTime(); t < c.due.getTime() + 72 * H; t += H / 2) {
      const now = new Date(t);
      if (now >= c.stops[0].from && now < c.stops[0].to!) continue;
      const stored = now > redAfter ? 'RED' : now >= yellowAt ? 'YELLOW' : 'NONE';
      expect([now.toISOString(), warningLevel(cal, c, now)]).toEqual([now.toISOString(), stored]);
    }
  });
});
