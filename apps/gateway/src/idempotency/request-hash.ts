import { createHash } from 'node:crypto';
import { canonicalJson } from '#libs/persistence';

/** What a retry must repeat exactly to get the first answer back; the body canonically, so a retry whose client serialised it in another order still matches. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}
