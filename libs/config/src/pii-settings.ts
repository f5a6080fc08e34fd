import { readFileSync } from 'node:fs';
import { parsePiiKeys, type PiiKeyMaterial } from '#libs/crypto';

/** The personal-data keys (个人信息保护法): read by the services that keep ID numbers, phones and addresses (intake, delivery). */
export interface PiiSettings {
  /**
   * PII_KEYS (`kid:base64` entries, the first encryption key current, `lookup:base64` the HMAC key of lookups) or
   * PII_KEY_FILE (a file of the same entries, one a line). Unset: required in production (NODE_ENV=production refuses
   * to start); elsewhere undefined, and the services use the fixed development keys of #libs/crypto (a warning says
   * so). `npm start` keeps a file in .data/. Secret: describeConfig prints `***`.
   */
  piiKeys?: PiiKeyMaterial;
}

export const PII_DEFAULTS: PiiSettings = { piiKeys: undefined };

export function readPiiSettings(env: NodeJS.ProcessEnv, problems: string[]): PiiSettings {
  const inline = env.PII_KEYS?.trim() || undefined;
  const file = env.PII_KEY_FILE?.trim() || undefined;
  if (inline && file) {
    problems.push('set PII_KEYS or PII_KEY_FILE, not both');
    return PII_DEFAULTS;
  }
  let text = inline;
  let source = 'PII_KEYS';
  if (file) {
    source = 'PII_KEY_FILE';
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      problems.push(`PII_KEY_FILE cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}): ${file}`);
      return PII_DEFAULTS;
    }
  }
  if (text === undefined) {
    if (env.NODE_ENV === 'production') problems.push('PII_KEYS or PII_KEY_FILE must give the personal-data keys in production');
    return PII_DEFAULTS;
  }
  const { material, problems: keyProblems } = parsePiiKeys(text);
  for (const p of keyProblems) problems.push(`${source}: ${p}`);
  return { piiKeys: material };
}
