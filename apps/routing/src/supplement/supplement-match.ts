import type { MaterialRef } from '#libs/contracts';

/** Names compared as the window would read them: case, width of spaces and surrounding blanks do not matter. */
function normalName(name: string | undefined): string {
  return (name ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function normalCode(code: string | undefined): string {
  return (code ?? '').trim().toUpperCase();
}

/**
 * Does a supplied material answer a requested one? By code when both carry one; otherwise by name. A request
 * with a code is not answered by a material with another code, even one of the same name.
 */
export function answers(requested: MaterialRef, supplied: MaterialRef): boolean {
  const rc = normalCode(requested.code);
  const sc = normalCode(supplied.code);
  if (rc && sc) return rc === sc;
  const rn = normalName(requested.name);
  return rn !== '' && rn === normalName(supplied.name);
}

/** What the applicant still owes: every requested material no supplied one answers (in the order requested). */
export function unanswered(requested: MaterialRef[], supplied: MaterialRef[]): MaterialRef[] {
  return requested.filter((r) => !supplied.some((s) => answers(r, s)));
}

/** A second department asking during the same suspension adds its materials; one already asked for is kept once. */
export function mergeRequested(current: MaterialRef[], more: MaterialRef[]): MaterialRef[] {
  const merged = [...current];
  for (const m of more) if (!merged.some((c) => answers(c, m) && answers(m, c))) merged.push(m);
  return merged;
}
