import { createHash } from 'node:crypto';

/** A key id as stored beside every sealed value: short, URL-safe, no dots. */
export const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
/** The reserved id of the lookup (HMAC) key in PII_KEYS / PII_KEY_FILE; never used to encrypt. */
export const LOOKUP_KEY_ID = 'lookup';

/**
 * The personal-data keys of one deployment: AES-256 keys by id (`current` encrypts, every one decrypts, so keys
 * rotate by putting a new one first and keeping the old ones listed) and the HMAC key for lookups by ID number.
 */
export interface PiiKeyMaterial {
  current: string;
  keys: Record<string, Buffer>;
  lookupKey: Buffer;
  /** Made up from a fixed string outside production (no key configured): anybody can read data sealed with it. */
  development?: boolean;
}

/**
 * Parses `kid:base64` entries (comma, space or newline separated; `#` starts a comment line). The first entry that is
 * not `lookup:` is the current key; `lookup:` is the HMAC key. Every key is 32 bytes. Problems name the kid, never a key.
 */
export function parsePiiKeys(text: string): { material?: PiiKeyMaterial; problems: string[] } {
  const problems: string[] = [];
  const keys: Record<string, Buffer> = {};
  let current: string | undefined;
  let lookupKey: Buffer | undefined;
  const entries = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join(' ')
    .split(/[\s,]+/)
    .filter(Boolean);
  for (const entry of entries) {
    const at = entry.indexOf(':');
    const kid = at > 0 ? entry.slice(0, at) : '';
    if (!KEY_ID.test(kid)) {
      problems.push(`an entry is not kid:base64 (kid: letters, digits, _ or -, at most 32)`);
      continue;
    }
    const raw = entry.slice(at + 1);
    const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(raw) ? Buffer.from(raw, 'base64') : Buffer.alloc(0);
    if (key.length !== 32) {
      problems.push(`key ${kid} must be 32 bytes in base64 (openssl rand -base64 32)`);
      continue;
    }
    if (kid === LOOKUP_KEY_ID) {
      if (lookupKey) problems.push(`${LOOKUP_KEY_ID} is listed twice`);
      lookupKey = key;
      continue;
    }
    if (keys[kid]) problems.push(`key ${kid} is listed twice`);
    keys[kid] = key;
    current ??= kid;
  }
  if (!current) problems.push('no encryption key (kid:base64) is listed');
  if (!lookupKey) problems.push(`no ${LOOKUP_KEY_ID}:base64 key for lookups is listed`);
  if (lookupKey && Object.values(keys).some((k) => k.equals(lookupKey!))) problems.push(`the ${LOOKUP_KEY_ID} key must differ from the encryption keys`);
  if (problems.length) return { problems };
  return { material: { current: current!, keys, lookupKey: lookupKey! }, problems };
}

/**
 * The fixed key of a development or test run without configuration (NODE_ENV is not production): every service of
 * the run derives the same one, so what intake seals delivery opens. Public by construction: never for real data.
 */
export function developmentPiiKeys(): PiiKeyMaterial {
  const derive = (label: string) => createHash('sha256').update(`one-window development personal-data key: ${label}`).digest();
  return { current: 'dev', keys: { dev: derive('aes-256-gcm') }, lookupKey: derive('hmac-sha256 lookup'), development: true };
}
