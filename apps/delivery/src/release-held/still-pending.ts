import type { MaterialRef } from '#libs/contracts';

const key = (m: MaterialRef) => (m.code ? `code:${m.code}` : `name:${m.name.trim()}`);

/**
 * What a case still owes after a supplement: only what was owed before and is still owed now. Supplements only
 * ever take materials off the list, so events handled in any order (or twice) end with the same list.
 */
export function stillPending(before: MaterialRef[], pendingLeft: MaterialRef[]): MaterialRef[] {
  const left = new Set(pendingLeft.map(key));
  return before.filter((m) => left.has(key(m)));
}
