import { Injectable } from '@nestjs/common';

/** Upper bound of cases remembered; older entries (past their interval) are dropped first. */
const MAX_ENTRIES = 10_000;

/**
 * When this process last asked an owner again for a part it rechecks from time to time (stale-parts.ts,
 * recheckedParts), so a screen polling a case does not turn into a request to the owner per poll. In memory: each
 * routing replica keeps its own, which at worst asks once per interval per replica.
 */
@Injectable()
export class Rechecks {
  private readonly last = new Map<string, number>();

  /** True, and remembered, when `key` was not asked within `everyMs`. */
  due(key: string, everyMs: number, now = Date.now()): boolean {
    const at = this.last.get(key);
    if (at !== undefined && now - at < everyMs) return false;
    this.last.delete(key);
    this.last.set(key, now);
    if (this.last.size > MAX_ENTRIES) {
      // Map keeps insertion order, and every set re-inserts: the first entries are the oldest.
      for (const [k, t] of this.last) {
        if (this.last.size <= MAX_ENTRIES || now - t < everyMs) break;
        this.last.delete(k);
      }
    }
    return true;
  }
}
