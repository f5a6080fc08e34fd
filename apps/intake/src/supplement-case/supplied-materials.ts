import type { MaterialRef, Problem, ServiceItem } from '#libs/contracts';

export interface SuppliedCheck {
  problems: Problem[];
  /** What arrived, each named as the item version the case was accepted under names it. */
  materials: MaterialRef[];
}

const key = (s: string) => s.trim().normalize('NFC');

/**
 * Materials handed in after acceptance: each by its code in the case's item version, or by name when it is not a
 * catalog material (a department may ask for anything in a supplement request). Every problem is listed.
 */
export function checkSupplied(item: Pick<ServiceItem, 'code' | 'materials'>, given: { code?: string; name?: string }[] | undefined): SuppliedCheck {
  const problems: Problem[] = [];
  const materials: MaterialRef[] = [];
  if (!Array.isArray(given) || given.length === 0) {
    return { problems: [{ field: 'materials', rule: 'arrayNotEmpty', message: 'list at least one material that arrived' }], materials };
  }
  const seen = new Set<string>();
  given.forEach((g, i) => {
    const code = typeof g?.code === 'string' && g.code.trim() ? g.code.trim() : undefined;
    const name = typeof g?.name === 'string' && g.name.trim() ? g.name.trim() : undefined;
    if (!code && !name) return problems.push({ field: `materials.${i}`, rule: 'codeOrName', message: 'give the material code, its name, or both' });
    const spec = code ? item.materials.find((m) => m.code === code) : undefined;
    if (code && !spec) return problems.push({ field: `materials.${i}.code`, rule: 'knownMaterial', message: `${item.code} has no material ${code}` });
    const ref: MaterialRef = spec ? { code: spec.code, name: spec.name } : { name: name! };
    const id = ref.code ?? `name:${key(ref.name)}`;
    if (seen.has(id)) return problems.push({ field: `materials.${i}`, rule: 'unique', message: `${ref.name} is listed twice` });
    seen.add(id);
    materials.push(ref);
  });
  return { problems, materials };
}

/**
 * What tolerant acceptance still waits for after a supplement: a pending material is in when a supplied one has its
 * code, or (for one without a code) its name. Only ever shrinks, so applying supplements in any order ends the same.
 */
export function pendingAfter(pending: MaterialRef[], supplied: MaterialRef[]): MaterialRef[] {
  const codes = new Set(supplied.flatMap((m) => (m.code ? [m.code] : [])));
  const names = new Set(supplied.map((m) => key(m.name)));
  return pending.filter((p) => !(p.code ? codes.has(p.code) : names.has(key(p.name))));
}
