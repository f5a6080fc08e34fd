import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import bcrypt from 'bcryptjs';

/**
 * Passwords are hashed with scrypt (memory-hard, node:crypto): N = 2^15, r = 8, p = 1 (32 MiB and ~60–100 ms per
 * hash on this hardware), a 16-byte random salt, a 64-byte key. OWASP's floor for scrypt is N = 2^17; 2^15 is a
 * compromise for a login burst at shift start on 2-core hosts, raised by changing SCRYPT_N: stored hashes carry their
 * parameters, so old ones keep verifying and are rehashed at the next login.
 * Stored as `scrypt$<N>$<r>$<p>$<salt b64>$<key b64>`.
 */
export const SCRYPT_N = 2 ** 15;
const SCRYPT_R = 8;
const SCRYPT_P = 1;
const KEY_LENGTH = 64;

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  // maxmem: 128 * N * r bytes are needed; node's default cap (32 MiB) is exactly that, so leave room.
  return new Promise((resolve, reject) => scryptCb(password, salt, keylen, { ...opts, maxmem: 256 * 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, { N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P });
  return `scrypt$${SCRYPT_N}$${SCRYPT_R}$${SCRYPT_P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Checks a password against a stored hash: scrypt, or a bcrypt hash from before (upgraded by the caller). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$2')) return bcrypt.compare(password, stored);
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, key] = parts;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A stored hash that is not today's scrypt parameters is replaced at the next successful login. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(`scrypt$${SCRYPT_N}$${SCRYPT_R}$${SCRYPT_P}$`);
}
