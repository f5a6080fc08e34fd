import { fromShanghai } from './shanghai-time.js';
import { WorkingCalendar } from './working-calendar.js';
import { activeMsBetween, instantAfterActiveMs, workingMsBetween } from './working-time.js';

const cal = WorkingCalendar.official();
const at = (date: string, time = '10:00:00') => fromShanghai(date, time);
const H = 3_600_000;

describe('working time', () => {
  it('counts working days as 24 hours and weekends and holidays not at all', () => {
    expect(workingMsBetween(cal, at('2026-11-23'), at('2026-11-24'))).toBe(24 * H);
    expect(workingMsBetween(cal, at('2026-11-20'), at('2026-11-23'))).toBe(24 * H); // Fri 10:00 → Mon 10:00
    expect(workingMsBetween(cal, at('2026-09-30'), at('2026-10-08', '00:00:00'))).toBe(14 * H); // only 30 Sep 10:00–24:00
    expect(workingMsBetween(cal, at('2026-10-09'), at('2026-10-12'))).toBe(48 * H); // Fri + make-up Saturday
    expect(workingMsBetween(cal, at('2026-11-24'), at('2026-11-23'))).toBe(0);
  });

  it('counts nights on working days and nothing in a holiday block, in the Asia/Shanghai calendar', () => {
    expect(workingMsBetween(cal, at('2026-11-23', '09:00:00'), at('2026-11-25', '09:00:00'))).toBe(48 * H);
    // Friday 12:00 to Monday 12:00: half of Friday and half of Monday; the weekend is free.
    expect(workingMsBetween(cal, at('2026-11-27', '12:00:00'), at('2026-11-30', '12:00:00'))).toBe(24 * H);
    expect(workingMsBetween(cal, at('2026-10-01', '00:00:00'), at('2026-10-08', '00:00:00'))).toBe(0);
    expect(workingMsBetween(cal, at('2026-10-10', '00:00:00'), at('2026-10-12', '00:00:00'))).toBe(24 * H);
  });

  it('is zero for an empty or reversed interval', () => {
    expect(workingMsBetween(cal, at('2026-11-25'), at('2026-11-25'))).toBe(0);
    expect(workingMsBetween(cal, at('2026-11-26'), at('2026-11-25'))).toBe(0);
  });

  it('leaves suspensions out, also when they overlap the ends of the window', () => {
    const stops = [{ from: at('2026-11-24', '00:00:00'), to: at('2026-11-26', '00:00:00') }];
    expect(activeMsBetween(cal, at('2026-11-23'), at('2026-11-27'), stops)).toBe((14 + 24 + 10) * H);
    expect(activeMsBetween(cal, at('2026-11-25'), at('2026-11-27'), stops)).toBe(34 * H);
    // An open suspension runs to the end of the window asked about.
    expect(activeMsBetween(cal, at('2026-11-23'), at('2026-11-27'), [{ from: at('2026-11-25', '00:00:00'), to: null }])).toBe(38 * H);
  });

  it('finds the instant at which an amount of working time has run, stepping over weekends and suspensions', () => {
    expect(instantAfterActiveMs(cal, at('2026-11-27'), 14 * H + 1, [])).toEqual(at('2026-11-30', '00:00:00.001'));
    const stops = [{ from: at('2026-11-24', '00:00:00'), to: at('2026-11-26', '00:00:00') }];
    expect(instantAfterActiveMs(cal, at('2026-11-23'), 20 * H, stops)).toEqual(at('2026-11-26', '06:00:00'));
  });
});
