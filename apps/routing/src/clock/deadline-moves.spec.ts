import { fromShanghai, toShanghai, WorkingCalendar } from '#libs/calendar';
import { estimateOf, moveBySuspension, moveDue, stageDueAt } from './deadline-moves.js';

const cal = WorkingCalendar.official();
const at = (date: string, time = '10:00:00') => fromShanghai(date, time);
const endOf = (date: string) => fromShanghai(date, '23:59:59');

describe('deadline moves', () => {
  it('moves the promised and the legal deadline by the working days a suspension over National Day covered', () => {
    // Suspended Tue 29 Sep 10:00, supplied Fri 9 Oct 10:00: 29 Sep, 30 Sep and 8 Oct were working days.
    const moved = moveBySuspension(
      cal,
      { promised: endOf('2026-10-10'), legal: endOf('2026-10-30'), estimated: false, estimatedYears: [] },
      at('2026-09-29'),
      at('2026-10-09'),
    );
    expect(moved.days).toBe(3);
    expect(toShanghai(moved.promised)).toBe('2026-10-14T23:59:59+08:00'); // from the make-up Saturday: 12, 13, 14 Oct
    expect(toShanghai(moved.legal)).toBe('2026-11-04T23:59:59+08:00'); // 2, 3, 4 Nov
    expect(moved.estimated).toBe(false);
  });

  it('does not move anything for a suspension within one day', () => {
    const d = { promised: endOf('2026-11-27'), legal: endOf('2026-12-04'), estimated: false, estimatedYears: [] };
    const moved = moveBySuspension(cal, d, at('2026-11-24', '09:00:00'), at('2026-11-24', '16:00:00'));
    expect(moved).toEqual({ ...d, days: 0 });
  });

  it('marks deadlines moved into a year without a schedule as estimated, and keeps an earlier mark', () => {
    const moved = moveBySuspension(
      cal,
      { promised: endOf('2026-12-24'), legal: endOf('2026-12-30'), estimated: false, estimatedYears: [] },
      at('2026-12-01'),
      at('2026-12-04'),
    );
    expect(moved.days).toBe(3);
    expect(toShanghai(moved.promised)).toBe('2026-12-29T23:59:59+08:00');
    expect(toShanghai(moved.legal)).toBe('2027-01-04T23:59:59+08:00');
    expect(moved).toMatchObject({ estimated: true, estimatedYears: [2027] });
    const again = moveBySuspension(cal, { ...moved }, at('2026-12-07'), at('2026-12-07', '11:00:00'));
    expect(again).toMatchObject({ estimated: true, estimatedYears: [2027] });
  });

  it('moves a task due time by working days, skipping weekends', () => {
    expect(toShanghai(moveDue(cal, endOf('2026-11-27'), 2))).toBe('2026-12-01T23:59:59+08:00');
    expect(moveDue(cal, endOf('2026-11-27'), 0)).toEqual(endOf('2026-11-27'));
  });

  it('tells which deadlines lean on a year without a schedule', () => {
    expect(estimateOf(cal, at('2026-11-23'), endOf('2027-01-05'))).toEqual({ estimated: true, estimatedYears: [2027] });
    expect(estimateOf(cal, at('2026-01-05'), endOf('2026-02-10'))).toEqual({ estimated: false, estimatedYears: [] });
    expect(estimateOf(cal, at('2024-12-30'), endOf('2025-01-03'))).toEqual({ estimated: true, estimatedYears: [2024] });
  });
});

describe("a stage's share of the time", () => {
  const promised = endOf('2026-12-04');

  it("gives a stage without shareDays the case's promised deadline", () => {
    expect(stageDueAt(cal, { stage: 1, departments: ['TAX'] }, at('2026-11-23'), promised)).toEqual(promised);
  });

  it('gives a stage with shareDays its own working days from opening, never beyond the promised deadline', () => {
    expect(toShanghai(stageDueAt(cal, { stage: 1, departments: ['TAX'], shareDays: 2 }, at('2026-11-23'), promised))).toBe('2026-11-25T23:59:59+08:00');
    // Opened on Saturday 21 Nov: a share counts from the day after, as every period does; 0 days is that day itself.
    expect(toShanghai(stageDueAt(cal, { stage: 2, departments: ['TAX'], shareDays: 0 }, at('2026-11-21'), promised))).toBe('2026-11-21T23:59:59+08:00');
    expect(toShanghai(stageDueAt(cal, { stage: 2, departments: ['TAX'], shareDays: 1 }, at('2026-11-21'), promised))).toBe('2026-11-23T23:59:59+08:00');
    expect(stageDueAt(cal, { stage: 2, departments: ['TAX'], shareDays: 30 }, at('2026-11-23'), promised)).toEqual(promised);
  });
});
