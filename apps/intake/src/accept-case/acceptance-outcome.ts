import type { MissingMaterial } from './acceptance-rules.js';

/** What the window does with an application whose request itself is in order. */
export type AcceptanceOutcome =
  | { kind: 'ACCEPT' }
  /** 容缺受理: accepted; the tolerable materials still owed become pending, with a due date. */
  | { kind: 'ACCEPT_TOLERANT'; pending: MissingMaterial[] }
  /** 一次性告知: nothing is accepted; one notice lists every missing or defective material. */
  | { kind: 'NOTICE'; missing: MissingMaterial[] };

/**
 * The tolerant-vs-notice decision. Tolerant acceptance is the clerk's choice (`tolerant: true`), never a default, and
 * only when every missing or defective material is one the item marks tolerable. Otherwise the notice lists them
 * all, tolerable ones included, so the applicant comes back once with everything.
 */
export function acceptanceOutcome(missing: MissingMaterial[], tolerant: boolean | undefined): AcceptanceOutcome {
  if (missing.length === 0) return { kind: 'ACCEPT' };
  if (tolerant === true && missing.every((m) => m.tolerable)) return { kind: 'ACCEPT_TOLERANT', pending: missing };
  return { kind: 'NOTICE', missing };
}
