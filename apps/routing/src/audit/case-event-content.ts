import type { Actor } from '#libs/contracts';
import { canonicalJson } from '#libs/persistence';

/** What a case event's audit entry holds and its hash covers (the entry's number and hashes aside). */
export interface CaseEventContent {
  eventId: string;
  /** UTC, to the millisecond: `2026-11-30T07:59:59.123Z`. */
  at: string;
  type: string;
  caseNo: string;
  actor: Actor;
  data: Record<string, unknown>;
}

/** The canonical text hashed into the chain, the same when written and when read back (jsonb reorders keys). */
export function caseEventContent(c: CaseEventContent): string {
  return canonicalJson({ v: 1, eventId: c.eventId, at: c.at, type: c.type, caseNo: c.caseNo, actor: c.actor, data: c.data });
}
