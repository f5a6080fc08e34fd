import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { developmentPiiKeys, type PiiKeyMaterial } from './key-material.js';

/** Sealed value: `v1.<kid>.<iv>.<ciphertext>.<tag>`, base64url parts (12-byte IV, 16-byte GCM tag). */
const SEALED = /^v1\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{22})$/;
/** A lookup hash: `h1.` and 64 hex digits of HMAC-SHA256. */
const LOOKUP = /^h1\.[0-9a-f]{64}$/;

/** A sealed value that cannot be opened: malformed, sealed with a key not listed, or changed (GCM tag mismatch). */
export class PiiCipherError extends Error {
  override name = 'PiiCipherError';
}

/**
 * Field encryption of personal data at rest and in events (AES-256-GCM, node:crypto), with the key id beside each
 * value so keys rotate: `seal` always uses the current key, `open` any listed one. `lookup` is the keyed HMAC-SHA256
 * that lookups by ID number compare (never a plain hash, which a 18-digit ID's small space gives back by brute force).
 * Error messages never carry a value.
 */
export class PiiKeyring {
  private readonly material: PiiKeyMaterial;

  constructor(material?: PiiKeyMaterial) {
    this.material = material ?? developmentPiiKeys();
    if (!this.material.keys[this.material.current]) throw new PiiCipherError(`current key ${this.material.current} is not listed`);
  }

  /** The id of the key new values are sealed with. */
  get currentKid(): string {
    return this.material.current;
  }

  /** True when the keys were derived from a fixed string (development and tests without configuration). */
  get development(): boolean {
    return this.material.development === true;
  }

  /** AES-256-GCM with a fresh 96-bit IV, under the current key. */
  seal(plain: string): string {
    const kid = this.material.current;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.material.keys[kid], iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1.${kid}.${iv.toString('base64url')}.${ct.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
  }

  /** The plaintext of a sealed value; PiiCipherError when it is malformed, of an unknown key or tampered with. */
  open(sealed: string): string {
    const m = typeof sealed === 'string' ? SEALED.exec(sealed) : null;
    if (!m) throw new PiiCipherError('not a sealed value (v1.<kid>.<iv>.<ciphertext>.<tag>)');
    const key = Object.hasOwn(this.material.keys, m[1]) ? this.material.keys[m[1]] : undefined;
    if (!key) throw new PiiCipherError(`sealed with key ${m[1]}, which is not configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(m[2], 'base64url'));
      decipher.setAuthTag(Buffer.from(m[4], 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(m[3], 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new PiiCipherError(`a value sealed with key ${m[1]} does not authenticate (changed, or another key of that id)`);
    }
  }

  /** seal/open that pass null and undefined through (optional columns). */
  sealOptional<T extends string | null | undefined>(plain: T): T extends string ? string : T {
    return (typeof plain === 'string' ? this.seal(plain) : plain) as never;
  }

  openOptional<T extends string | null | undefined>(sealed: T): T extends string ? string : T {
    return (typeof sealed === 'string' ? this.open(sealed) : sealed) as never;
  }

  /** A JSON value sealed as one string (a structured address). */
  sealJson(value: unknown): string {
    return this.seal(JSON.stringify(value));
  }

  openJson<T>(sealed: string): T {
    return JSON.parse(this.open(sealed)) as T;
  }

  /** Whether a value already has the sealed shape (migrations skip those: idempotent). */
  static isSealed(value: unknown): value is string {
    return typeof value === 'string' && SEALED.test(value);
  }

  /** The key id a sealed value names, or undefined. */
  static kidOf(value: unknown): string | undefined {
    return typeof value === 'string' ? SEALED.exec(value)?.[1] : undefined;
  }

  /**
   * `h1.` + HMAC-SHA256 under the lookup key of `purpose` and `value` (the purpose keeps one use's hashes from
   * matching another's). Equal inputs give equal hashes; without the key nobody can compute one.
   */
  lookup(purpose: string, value: string): string {
    return `h1.${createHmac('sha256', this.material.lookupKey).update(purpose).update('\0').update(value).digest('hex')}`;
  }

  static isLookup(value: unknown): value is string {
    return typeof value === 'string' && LOOKUP.test(value);
  }
}

/** SHA-256 hex, for lookups kept before keys existed (delivery's old id_hash): they are re-keyed by `lookup` over it. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The keyring a service runs with: the configured keys (ServiceConfig.piiKeys), or outside production, when none is
 * configured, the development keys, said once in a warning (loadConfig refuses a production start without keys).
 */
export function piiKeyringOf(material: PiiKeyMaterial | undefined, service: string, warn: (line: string) => void = (l) => console.warn(l)): PiiKeyring {
  const ring = new PiiKeyring(material);
  if (ring.development) warn(`[${service}] no PII_KEYS / PII_KEY_FILE: personal data is sealed with the fixed development key (never for real data)`);
  return ring;
}
