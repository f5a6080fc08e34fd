import type { CaseTaskView } from '#libs/contracts';
import { applyFetched } from './compare-and-set.js';
import type { StoredParts } from './parts.js';

const task = (status: string): CaseTaskView => ({ taskId: 't1', department: 'TAX', stage: 1, status: status as CaseTaskView['status'], dueAt: '2026-11-30T23:59:59+08:00' });

describe('the compare-and-set rule of writing back a fetched part', () => {
  const stale: StoredParts = { tasks: { rev: 'E2', fetchedRev: 'E1', fetchedBy: 10, value: [task('OPEN')] } };

  it('writes a part fetched under its current rev: fresh, and the version moves when the value differs', () => {
    const r = applyFetched(stale, [{ part: 'tasks', rev: 'E2', value: [task('APPROVED')] }], 11);
    expect(r).toEqual({ parts: { tasks: { rev: 'E2', fetchedRev: 'E2', fetchedBy: 11, value: [task('APPROVED')] } }, written: ['tasks'], changed: true });
  });

  it('never lets a fetch that began before a newer event overwrite: the part stays stale for the next read', () => {
    // The read saw rev E2 and asked approval; meanwhile approval's next event (E3) reached routing.
    const newer: StoredParts = { tasks: { ...stale.tasks!, rev: 'E3' } };
    const r = applyFetched(newer, [{ part: 'tasks', rev: 'E2', value: [task('APPROVED')] }], 11);
    expect(r).toEqual({ parts: newer, written: [], changed: false });
  });

  it('never lets an earlier read overwrite what a later read wrote', () => {
    const later: StoredParts = { tasks: { rev: 'E2', fetchedRev: 'E2', fetchedBy: 12, value: [task('CANCELLED')] } };
    expect(applyFetched(later, [{ part: 'tasks', rev: 'E2', value: [task('APPROVED')] }], 11).written).toEqual([]);
  });

  it('clears the staleness of an unchanged value without moving the version', () => {
    const r = applyFetched(stale, [{ part: 'tasks', rev: 'E2', value: [task('OPEN')] }], 11);
    expect(r.written).toEqual(['tasks']);
    expect(r.changed).toBe(false);
    expect(r.parts.tasks).toMatchObject({ fetchedRev: 'E2' });
  });

  it('writes nothing for a fresh part read again that has not changed (a volatile part)', () => {
    const fresh: StoredParts = { notice: { rev: 'E5', fetchedRev: 'E5', fetchedBy: 3, value: null } };
    expect(applyFetched(fresh, [{ part: 'notice', rev: 'E5', value: null }], 9)).toEqual({ parts: fresh, written: [], changed: false });
  });

  it('counts a first fetch as a change, even of "nothing" (absent before: unknown)', () => {
    const never: StoredParts = { notice: { rev: 'E1' } };
    expect(applyFetched(never, [{ part: 'notice', rev: 'E1', value: null }], 2)).toMatchObject({ written: ['notice'], changed: true });
  });
});
