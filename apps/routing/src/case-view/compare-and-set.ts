import { isDeepStrictEqual } from 'node:util';
import type { CaseBlockView } from '#libs/contracts';
import type { PartName, PartValues, StoredParts } from './parts.js';

/** A part as a read fetched it from its owner: `rev` is the part's rev the read saw before it asked. */
export interface FetchedPart<P extends PartName = PartName> {
  part: P;
  value: PartValues[P];
  rev: string;
}

export interface Applied {
  parts: StoredParts;
  /** The parts this read wrote. */
  written: PartName[];
  /** What the view shows changed: the version moves. */
  changed: boolean;
}

/**
 * The rule by which a read writes back what it fetched, applied to the row as it is now (locked): a part is written
 * only if
 * - its rev is still the one the read saw (no newer event of its owner came in meanwhile: the answer may predate
 *   that event, so it must not hide it; the part stays stale and the next read fetches it again), and
 * - no read that started later (a higher ticket) wrote it first (its answer can only be as new or newer).
 * A written part is fresh (fetchedRev = rev). The version moves only when a value differs from the one kept, or the
 * blocks do: a refresh that finds what was already there changes nothing the page shows.
 */
export function applyFetched(parts: StoredParts, fetched: FetchedPart[], ticket: number): Applied {
  const next: StoredParts = { ...parts };
  const written: PartName[] = [];
  let changed = false;
  for (const f of fetched) {
    const kept = parts[f.part];
    if (!kept || kept.rev !== f.rev) continue;
    if ((kept.fetchedBy ?? 0) >= ticket) continue;
    const differs = kept.fetchedRev === undefined || !isDeepStrictEqual(kept.value, f.value);
    if (!differs && kept.fetchedRev === kept.rev) continue;
    (next as Record<PartName, unknown>)[f.part] = { value: f.value, rev: kept.rev, fetchedRev: kept.rev, fetchedBy: ticket };
    written.push(f.part);
    changed ||= differs;
  }
  return { parts: next, written, changed };
}

export function blocksDiffer(kept: CaseBlockView[], now: CaseBlockView[]): boolean {
  return !isDeepStrictEqual(kept, now);
}
