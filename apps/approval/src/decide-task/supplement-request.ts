import type { MaterialRef, Problem } from '#libs/contracts';

export const REQUESTED_MAX_ITEMS = 50;
const CODE_MAX = 32;
const NAME_MAX = 200;
const REASON_MAX = 500;

/**
 * 补正 (一次性告知): a supplement request lists every material the applicant must bring, at once, each with a name
 * and optionally its catalog code and why. Required and non-empty with REQUEST_SUPPLEMENT, refused with any other
 * decision. Problems are added to `problems` (every one listed); the clean list is returned.
 */
export function parseRequested(decision: string, raw: unknown, problems: Problem[]): MaterialRef[] | undefined {
  if (decision !== 'REQUEST_SUPPLEMENT') {
    if (raw !== undefined && raw !== null && !(Array.isArray(raw) && raw.length === 0)) {
      problems.push({ field: 'requested', rule: 'notAllowed', message: 'requested goes only with REQUEST_SUPPLEMENT.' });
    }
    return undefined;
  }
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
    problems.push({ field: 'requested', rule: 'required', message: 'A supplement request must list every material the applicant is to bring.' });
    return undefined;
  }
  if (!Array.isArray(raw)) {
    problems.push({ field: 'requested', rule: 'isArray', message: 'requested must be a list of {code?, name, reason?}.' });
    return undefined;
  }
  if (raw.length > REQUESTED_MAX_ITEMS) {
    problems.push({ field: 'requested', rule: 'arrayMaxSize', message: `requested may list at most ${REQUESTED_MAX_ITEMS} materials.` });
    return undefined;
  }
  const out: MaterialRef[] = [];
  raw.forEach((item, i) => {
    const m = (item ?? {}) as Record<string, unknown>;
    const field = `requested.${i}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ field, rule: 'isObject', message: 'each requested material is {code?, name, reason?}.' });
      return;
    }
    const text = (key: 'code' | 'name' | 'reason', max: number, required: boolean): string | undefined => {
      const v = m[key];
      if (v === undefined || v === null || (typeof v === 'string' && !v.trim() && !required)) {
        if (required) problems.push({ field: `${field}.${key}`, rule: 'required', message: `${key} is required.` });
        return undefined;
      }
      if (typeof v !== 'string') {
        problems.push({ field: `${field}.${key}`, rule: 'isString', message: `${key} must be text.` });
        return undefined;
      }
      const t = v.trim();
      if (required && !t) problems.push({ field: `${field}.${key}`, rule: 'required', message: `${key} must not be blank.` });
      else if (t.length > max) problems.push({ field: `${field}.${key}`, rule: 'maxLength', message: `${key} must be at most ${max} characters.` });
      return t || undefined;
    };
    const code = text('code', CODE_MAX, false);
    const name = text('name', NAME_MAX, true);
    const reason = text('reason', REASON_MAX, false);
    if (name) out.push({ ...(code ? { code } : {}), name, ...(reason ? { reason } : {}) });
  });
  return out;
}
