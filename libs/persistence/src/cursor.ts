/**
 * Opaque page cursors over a (time, id) key: base64url of `[time, id]`, the time as a UTC instant to the
 * microsecond (what PostgreSQL stores), so the next page starts exactly after the last row shown, whatever the
 * rows around it. A cursor that does not decode is refused, never silently treated as "from the start".
 */
export interface CursorKey {
  /** `2026-11-30T15:59:59.000000Z`: to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'). */
  at: string;
  id: string;
}

/** The SQL expression giving a timestamptz column in the cursor's time format. */
export const cursorTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** JavaScript rolls 2026-02-30 over to March; PostgreSQL would refuse it: only dates that exist pass. */
/** A real instant PostgreSQL can hold: JavaScript takes year 0000, timestamptz does not (found by the hostile-input test). */
function isRealInstant(at: string): boolean {
  const t = Date.parse(at);
  return !Number.isNaN(t) && at >= '0001-01-01' && new Date(t).toISOString().slice(0, 19) === at.slice(0, 19);
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id]), 'utf8').toString('base64url');
}

/** The key, or null when the text is not a cursor this service made. `idPattern`: what the row ids look like. */
export function decodeCursor(cursor: string, idPattern: RegExp = UUID): CursorKey | null {
  if (typeof cursor !== 'string' || !cursor || cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 2) return null;
    const [at, id] = v as unknown[];
    if (typeof at !== 'string' || !TIME.test(at) || !isRealInstant(at)) return null;
    if (typeof id !== 'string' || !idPattern.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Default 50; anything else must be a whole number from 1 to 200 (the caller is told, not silently clamped). */
export function pageSize(limit: unknown): number | null {
  if (limit === undefined || limit === null || limit === '') return DEFAULT_PAGE_SIZE;
  const n = typeof limit === 'string' ? Number(limit) : limit;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_PAGE_SIZE ? n : null;
}

/**
 * Rows are fetched one past the page size: the extra row only says there is a next page, and the cursor is the
 * key of the last row shown.
 */
export function paginate<R>(rows: R[], limit: number, keyOf: (row: R) => CursorKey): { page: R[]; nextCursor: string | null } {
  if (rows.length <= limit) return { page: rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { page, nextCursor: encodeCursor(keyOf(page[page.length - 1])) };
}
