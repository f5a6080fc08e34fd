import { CN_WORKDAYS } from './cn-workdays.js';
import { fromShanghai, shanghaiDate } from './shanghai-time.js';

export interface WorkdaySchedule {
  source?: Record<string, string>;
  years: Record<string, { holidays: string[]; workdays: string[] }>;
}

export interface Deadline {
  /** The last instant of the deadline day, Asia/Shanghai 23:59:59, as a UTC instant. */
  at: Date;
  /** True when a year without an official schedule was crossed: weekends only were assumed. */
  estimated: boolean;
  estimatedYears: number[];
}

const DAY_MS = 86_400_000;

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Working days per the official PRC schedule: holidays (including the weekend days folded into a block) are off,
 * make-up weekend days are on, other weekends off, other weekdays on. A year missing from the schedule falls back
 * to weekends only, and every answer that relied on it says so.
 */
export class WorkingCalendar {
  private readonly holidays = new Set<string>();
  private readonly makeUpDays = new Set<string>();
  private readonly knownYears = new Set<number>();

  constructor(schedule: WorkdaySchedule) {
    for (const [year, s] of Object.entries(schedule.years)) {
      this.knownYears.add(Number(year));
      s.holidays.forEach((d) => this.holidays.add(d));
      s.workdays.forEach((d) => this.makeUpDays.add(d));
    }
  }

  static official(): WorkingCalendar {
    return (officialCalendar ??= new WorkingCalendar(CN_WORKDAYS));
  }

  isKnownYear(year: number): boolean {
    return this.knownYears.has(year);
  }

  /** `date` is a Shanghai calendar date, YYYY-MM-DD. */
  isWorkingDay(date: string): boolean {
    if (this.holidays.has(date)) return false;
    if (this.makeUpDays.has(date)) return true;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /**
   * End of the Nth working day after acceptance. The period starts the day after acceptance and counts working days
   * only (民法典 §201, 行政许可法 §82), whatever day the case was accepted on: a center open on a Saturday gives the
   * department no extra day, so acceptance on Saturday makes the next working Monday day 1. N = 0 (immediate
   * items) is the end of the acceptance day itself, working day or not.
   */
  deadline(acceptedAt: Date, workingDays: number): Deadline {
    return this.endOfWorkingDaysAfter(shanghaiDate(acceptedAt), workingDays);
  }

  /** Working days whose start lies in [from, to): how much a suspension of the clock is worth. */
  workingDaysBetween(from: Date, to: Date): number {
    let n = 0;
    const end = shanghaiDate(to);
    for (let d = shanghaiDate(from); d < end; d = addDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }

  /** Moves a deadline by N working days (a supplement suspended the clock for that long). */
  extend(deadline: Date, workingDays: number): Deadline {
    return this.endOfWorkingDaysAfter(shanghaiDate(deadline), workingDays);
  }

  /** 23:59:59 of the Nth working day after `date` (a Shanghai date, itself not counted), or of `date` for N = 0. */
  private endOfWorkingDaysAfter(date: string, workingDays: number): Deadline {
    const unknown = new Set<number>();
    let day = date;
    for (let left = workingDays; left > 0; ) {
      day = addDays(day, 1);
      const year = Number(day.slice(0, 4));
      if (!this.knownYears.has(year)) unknown.add(year);
      if (this.isWorkingDay(day)) left--;
    }
    return { at: fromShanghai(day, '23:59:59'), estimated: unknown.size > 0, estimatedYears: [...unknown].sort() };
  }
}

let officialCalendar: WorkingCalendar | undefined;
