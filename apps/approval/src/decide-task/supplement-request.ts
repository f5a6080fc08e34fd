import type { MaterialRef, RequestedMaterialSchema } from '#libs/contracts';

/**
 * 补正 (一次性告知): the materials a supplement request lists, as the case's timeline and the applicant's notice show
 * them: trimmed, an empty code or reason left out. Their rules (required with REQUEST_SUPPLEMENT and only with it,
 * each with a name, the limits) are DecideTaskSchema's and were checked before.
 */
export function tidyRequested(requested: RequestedMaterialSchema[]): MaterialRef[] {
  return requested.map((m) => {
    const code = m.code?.trim();
    const reason = m.reason?.trim();
    return { ...(code ? { code } : {}), name: m.name.trim(), ...(reason ? { reason } : {}) };
  });
}
