import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a callback's X-Timestamp may be from our clock, either way: a captured request cannot be replayed later. */
export const CALLBACK_MAX_SKEW_SECONDS = 300;

export type SignatureVerdict = 'OK' | 'MISSING' | 'BAD_TIMESTAMP' | 'STALE' | 'BAD_SIGNATURE';

/** Lowercase hex of HMAC-SHA256 over `${timestamp}.${rawBody}`: what a bank sends as X-Signature. */
export function callbackSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/**
 * Checks a bank callback's headers against its exact bytes. The timestamp is signed with the body, so neither can be
 * swapped; the comparison takes the same time whatever the first wrong character.
 */
export function verifyCallback(secret: string, timestamp: unknown, signature: unknown, rawBody: Buffer | undefined, nowSeconds: number): SignatureVerdict {
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || !rawBody) return 'MISSING';
  if (!/^\d{1,12}$/.test(timestamp)) return 'BAD_TIMESTAMP';
  if (Math.abs(nowSeconds - Number(timestamp)) > CALLBACK_MAX_SKEW_SECONDS) return 'STALE';
  if (!/^[0-9a-f]{64}$/.test(signature)) return 'BAD_SIGNATURE';
  const expected = Buffer.from(callbackSignature(secret, timestamp, rawBody), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? 'OK' : 'BAD_SIGNATURE';
}
