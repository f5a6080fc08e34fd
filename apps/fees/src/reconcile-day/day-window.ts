import { fromShanghai } from '#libs/calendar';

/** One Asia/Shanghai calendar day as the instants that bound it: [start, end). China keeps no daylight saving time. */
export interface DayWindow {
  date: string;
  start: Date;
  end: Date;
}

/** `date` must be a real YYYY-MM-DD day (isCalendarDate); the day after it is found on the calendar, not by adding 24 h to a string. */
export function shanghaiDay(date: string): DayWindow {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return { date, start: fromShanghai(date), end: fromShanghai(next) };
}
