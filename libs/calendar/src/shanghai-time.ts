/** China has no daylight saving time, so Asia/Shanghai is a fixed UTC+8. */
const OFFSET_MS = 8 * 3600_000;

/** Shows a stored UTC instant in Asia/Shanghai, to the second: `2026-11-23T23:03:39+08:00`. */
export function toShanghai(at: Date | string | null | undefined): string | null {
  if (at === null || at === undefined) return null;
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return null;
  return new Date(d.getTime() + OFFSET_MS).toISOString().slice(0, 19) + '+08:00';
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai wall-clock time corresponds to. */
export function fromShanghai(date: string, time = '00:00:00'): Date {
  return new Date(`${date}T${time}+08:00`);
}
