import { fromShanghai, shanghaiDate } from './shanghai-time.js';
import type { WorkingCalendar } from './working-calendar.js';

const DAY_MS = 86_400_000;
/** No clock runs longer than this; a walk that gets here has been handed nonsense. */
const MAX_DAYS = 366 * 20;

/** A stop of the clock (补正): from the request until the materials were in; `to` null while still waiting. */
export interface Interval {
  from: Date;
  to: Date | null;
}

/**
 * Working time, in milliseconds: only the parts of [from, to) that fall on working days (Asia/Shanghai calendar
 * days of the official schedule) count, each working day as 24 hours. Deadlines are the end of a working day,
 * so this is the measure in which "80% of the time" is taken.
 */
export function workingMsBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  let total = 0;
  let day = shanghaiDate(from);
  for (let i = 0; i < MAX_DAYS; i++) {
    const start = fromShanghai(day).getTime();
    const end = start + DAY_MS;
    if (start >= b) return total;
    if (cal.isWorkingDay(day)) total += Math.min(end, b) - Math.max(start, a);
    day = shanghaiDate(new Date(end));
  }
  throw new Error(`working time asked over more than ${MAX_DAYS} days (${from.toISOString()} → ${to.toISOString()})`);
}

/** Sorted and merged; an open interval runs to `openUntil` (the end of the question being asked). */
export function normalizeIntervals(intervals: Interval[], openUntil: Date): { from: number; to: number }[] {
  const sorted = intervals
    .map((i) => ({ from: i.from.getTime(), to: (i.to ?? openUntil).getTime() }))
    .filter((i) => i.to > i.from)
    .sort((x, y) => x.from - y.from);
  const merged: { from: number; to: number }[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else merged.push({ ...i });
  }
  return merged;
}

/** Working time in [from, to) with the clock's stops left out. */
export function activeMsBetween(cal: WorkingCalendar, from: Date, to: Date, stops: Interval[]): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = workingMsBetween(cal, from, to);
  for (const s of normalizeIntervals(stops, to)) {
    const a = Math.max(s.from, from.getTime());
    const b = Math.min(s.to, to.getTime());
    if (b > a) total -= workingMsBetween(cal, new Date(a), new Date(b));
  }
  return total;
}

/** The instant at which `ms` of working time, stops left out, has run since `from`. */
export function instantAfterActiveMs(cal: WorkingCalendar, from: Date, ms: number, stops: Interval[]): Date {
  if (ms <= 0) return from;
  const far = new Date(from.getTime() + MAX_DAYS * DAY_MS);
  const gaps = normalizeIntervals(stops, far);
  let remaining = ms;
  let day = shanghaiDate(from);
  for (let i = 0; i < MAX_DAYS; i++) {
    const start = fromShanghai(day).getTime();
    const end = start + DAY_MS;
    if (cal.isWorkingDay(day)) {
      let cursor = Math.max(start, from.getTime());
      for (const g of gaps) {
        if (g.to <= cursor || g.from >= end) continue;
        if (g.from > cursor) {
          const len = g.from - cursor;
          if (len >= remaining) return new Date(cursor + remaining);
          remaining -= len;
        }
        cursor = Math.max(cursor, g.to);
        if (cursor >= end) break;
      }
      if (cursor < end) {
        const len = end - cursor;
        if (len >= remaining) return new Date(cursor + remaining);
        remaining -= len;
      }
    }
    day = shanghaiDate(new Date(end));
  }
  throw new Error(`no instant within ${MAX_DAYS} days of ${from.toISOString()} has ${ms} ms of working time`);
}

export const WORKING_DAY_MS = DAY_MS;
