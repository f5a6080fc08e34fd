import { decodeCursor, encodeCursor, pageSize, paginate } from './cursor.js';

const key = { at: '2026-11-30T15:59:59.123456Z', id: '0190a000-0000-7000-8000-000000000001' };

describe('page cursor', () => {
  it('round-trips (time to the microsecond, id) through an opaque url-safe string', () => {
    const c = encodeCursor(key);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(c).not.toContain('2026');
    expect(decodeCursor(c)).toEqual(key);
  });

  it('refuses anything it did not make', () => {
    expect(decodeCursor('')).toBeNull();
    expect(decodeCursor('not a cursor!')).toBeNull();
    expect(decodeCursor(Buffer.from('{"at":1}').toString('base64url'))).toBeNull();
    expect(decodeCursor(encodeCursor({ ...key, id: "x' OR 1=1" }))).toBeNull();
    expect(decodeCursor(encodeCursor({ ...key, at: '2026-11-30' }))).toBeNull();
    expect(decodeCursor(encodeCursor({ ...key, at: '2026-13-45T99:99:99.000000Z' }))).toBeNull();
    expect(decodeCursor(encodeCursor({ ...key, at: '2026-02-30T00:00:00.000000Z' }))).toBeNull();
    // Year 0 is a date to JavaScript and an error to PostgreSQL.
    expect(decodeCursor(encodeCursor({ ...key, at: '0000-01-01T00:00:00.000000Z' }))).toBeNull();
    expect(decodeCursor('A'.repeat(201))).toBeNull();
  });

  it('takes 50 by default, 1 to 200 when asked, and nothing else', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize('7')).toBe(7);
    expect(pageSize(200)).toBe(200);
    expect(pageSize(201)).toBeNull();
    expect(pageSize(0)).toBeNull();
    expect(pageSize(2.5)).toBeNull();
    expect(pageSize('ten')).toBeNull();
  });

  it('gives a next cursor only when a row lies past the page, pointing at the last row shown', () => {
    const rows = [1, 2, 3].map((n) => ({ at: `2026-12-0${n}T00:00:00.000000Z`, id: `0190a000-0000-7000-8000-00000000000${n}` }));
    expect(paginate(rows, 3, (r) => r)).toEqual({ page: rows, nextCursor: null });
    const two = paginate(rows, 2, (r) => r);
    expect(two.page).toEqual(rows.slice(0, 2));
    expect(decodeCursor(two.nextCursor!)).toEqual(rows[1]);
  });
});
