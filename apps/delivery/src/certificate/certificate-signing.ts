import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { CertificatePayload, CertificatePublicKey } from '#libs/contracts';

/**
 * The signed payload of a certificate: base64url(compact JSON, UTF-8) '.' base64url(Ed25519 signature over exactly
 * those bytes). Anyone holding the published public key can verify it offline: split at the dot, base64url-decode
 * both halves, verify the signature over the first (`openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in
 * payload.bin -sigfile sig.bin`); the JSON then says what the certificate is.
 */
export function canonicalPayload(p: CertificatePayload): string {
  // Key order is the contract's, written out so a field added to the type does not slip in or move.
  const ordered: CertificatePayload = {
    v: p.v,
    kid: p.kid,
    no: p.no,
    name: p.name,
    item: p.item,
    itemName: p.itemName,
    holder: { name: p.holder.name, id: p.holder.id },
    dept: p.dept,
    issued: p.issued,
    ...(p.validUntil ? { validUntil: p.validUntil } : {}),
  };
  return JSON.stringify(ordered);
}

export function signPayload(privateKey: KeyObject, p: CertificatePayload): string {
  const bytes = Buffer.from(canonicalPayload(p), 'utf8');
  return `${bytes.toString('base64url')}.${sign(null, bytes, privateKey).toString('base64url')}`;
}

export type OpenedPayload = { ok: true; payload: CertificatePayload } | { ok: false; rule: 'format' | 'signature'; message: string };

/** Checks a signed payload's signature with the public key, then reads it. Never throws on bad input. */
export function openPayload(publicKey: KeyObject, signed: string): OpenedPayload {
  const parts = typeof signed === 'string' ? signed.split('.') : [];
  const b64url = /^[A-Za-z0-9_-]+$/;
  if (parts.length !== 2 || !b64url.test(parts[0]) || !b64url.test(parts[1])) {
    return { ok: false, rule: 'format', message: 'the payload must be base64url(JSON) "." base64url(signature)' };
  }
  const bytes = Buffer.from(parts[0], 'base64url');
  const signature = Buffer.from(parts[1], 'base64url');
  let good = false;
  try {
    good = signature.length === 64 && verify(null, bytes, publicKey, signature);
  } catch {
    good = false;
  }
  if (!good) return { ok: false, rule: 'signature', message: 'the signature does not verify with the published key: the payload was altered or not issued here' };
  try {
    const payload = JSON.parse(bytes.toString('utf8')) as CertificatePayload;
    if (typeof payload !== 'object' || payload === null || typeof payload.no !== 'string') throw new Error('not a payload');
    return { ok: true, payload };
  } catch {
    return { ok: false, rule: 'format', message: 'the signed bytes are not a certificate payload' };
  }
}

/** The raw 32-byte public key, base64url: the JWK's `x`. */
function rawPublicKey(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 public key');
  return jwk.x;
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) of an Ed25519 public key: the key's id. */
export function keyId(publicKey: KeyObject): string {
  const x = rawPublicKey(publicKey);
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

/** The public key as published: PEM (SubjectPublicKeyInfo) and JWK. */
export function publicKeyView(publicKey: KeyObject): CertificatePublicKey {
  const kid = keyId(publicKey);
  return {
    alg: 'Ed25519',
    kid,
    pem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    jwk: { kty: 'OKP', crv: 'Ed25519', x: rawPublicKey(publicKey), kid, use: 'sig', alg: 'EdDSA' },
  };
}

export interface SigningKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
}

/** A key pair from a PEM private key (Ed25519 only), the public half derived from it. */
export function keyPairFromPem(pem: string): SigningKeyPair {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the certificate signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, kid: keyId(publicKey) };
}

export function newKeyPair(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, kid: keyId(publicKey) };
}

/** The last day of a validity of `years` whole years from `issued` (YYYY-MM-DD): 2026-12-02 + 5 → 2031-12-01. */
export function validUntil(issued: string, years: number | undefined): string | undefined {
  if (!years || !Number.isInteger(years) || years < 1) return undefined;
  const [y, m, d] = issued.split('-').map(Number);
  // Date.UTC rolls 29 February into 1 March of a common year; the day before is then 28 February.
  const end = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}
