import { createPublicKey, verify } from 'node:crypto';
import type { CertificatePayload } from '#libs/contracts';
import { canonicalPayload, keyId, keyPairFromPem, newKeyPair, openPayload, publicKeyView, signPayload, validUntil } from './certificate-signing.js';

const payload: CertificatePayload = {
  v: 1,
  kid: 'k',
  no: 'SAMR-20260010000427',
  name: '食品经营许可证',
  item: 'FOOD-BIZ',
  itemName: '食品经营许可',
  holder: { name: '张*', id: '1101**********002X' },
  dept: 'SAMR',
  issued: '2026-12-02',
  validUntil: '2031-12-01',
};

describe('canonicalPayload', () => {
  it('is compact JSON in the contract key order, whatever order the object was built in', () => {
    const shuffled = { validUntil: '2031-12-01', dept: 'SAMR', holder: { id: '1101**********002X', name: '张*' }, issued: '2026-12-02', no: payload.no, v: 1, kid: 'k', name: payload.name, itemName: payload.itemName, item: 'FOOD-BIZ' } as CertificatePayload;
    const json = canonicalPayload(payload);
    expect(canonicalPayload(shuffled)).toBe(json);
    expect(json).toBe(
      '{"v":1,"kid":"k","no":"SAMR-20260010000427","name":"食品经营许可证","item":"FOOD-BIZ","itemName":"食品经营许可","holder":{"name":"张*","id":"1101**********002X"},"dept":"SAMR","issued":"2026-12-02","validUntil":"2031-12-01"}',
    );
  });

  it('leaves out validUntil when there is none, and anything not in the contract', () => {
    const { validUntil: _, ...noValidity } = payload;
    expect(canonicalPayload({ ...noValidity, extra: 'x' } as unknown as CertificatePayload)).not.toMatch(/validUntil|extra/);
  });
});

describe('signPayload / openPayload', () => {
  const pair = newKeyPair();

  it('signs base64url(JSON) "." base64url(signature), which opens with the public key', () => {
    const signed = signPayload(pair.privateKey, payload);
    expect(signed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{86}$/);
    expect(openPayload(pair.publicKey, signed)).toEqual({ ok: true, payload });
    // What an offline verifier does: the signature is over exactly the decoded first half.
    const [body, sig] = signed.split('.');
    expect(verify(null, Buffer.from(body, 'base64url'), pair.publicKey, Buffer.from(sig, 'base64url'))).toBe(true);
    expect(Buffer.from(body, 'base64url').toString('utf8')).toBe(canonicalPayload(payload));
  });

  it('refuses a tampered payload, a tampered signature and another key', () => {
    const signed = signPayload(pair.privateKey, payload);
    const [body, sig] = signed.split('.');
    const forged = Buffer.from(canonicalPayload({ ...payload, validUntil: '2099-12-31' })).toString('base64url');
    expect(openPayload(pair.publicKey, `${forged}.${sig}`)).toMatchObject({ ok: false, rule: 'signature' });
    const flipped = Buffer.from(sig, 'base64url');
    flipped[0] ^= 1;
    expect(openPayload(pair.publicKey, `${body}.${flipped.toString('base64url')}`)).toMatchObject({ ok: false, rule: 'signature' });
    expect(openPayload(newKeyPair().publicKey, signed)).toMatchObject({ ok: false, rule: 'signature' });
  });

  it('refuses what is not a signed payload without throwing', () => {
    for (const bad of ['', 'abc', 'a.b.c', 'a b.c', '.', `${'x'.repeat(10)}.`]) expect(openPayload(pair.publicKey, bad)).toMatchObject({ ok: false, rule: 'format' });
    expect(openPayload(pair.publicKey, undefined as unknown as string)).toMatchObject({ ok: false });
  });
});

describe('keys', () => {
  it('derives the public key and its RFC 7638 thumbprint from a PEM private key, and publishes PEM and JWK', () => {
    const pair = newKeyPair();
    const pem = pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const again = keyPairFromPem(pem);
    expect(again.kid).toBe(pair.kid);
    const view = publicKeyView(again.publicKey);
    expect(view).toMatchObject({ alg: 'Ed25519', kid: pair.kid, jwk: { kty: 'OKP', crv: 'Ed25519', kid: pair.kid, use: 'sig', alg: 'EdDSA' } });
    expect(view.pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keyId(createPublicKey(view.pem))).toBe(pair.kid);
    expect(keyId(createPublicKey({ key: view.jwk, format: 'jwk' }))).toBe(pair.kid);
    expect(view.pem).not.toMatch(/PRIVATE/);
  });

  it('refuses a key that is not Ed25519', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => keyPairFromPem(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(/Ed25519/);
  });

  it('knows the RFC 8037 test key by its RFC 7638 thumbprint', () => {
    // RFC 8037 appendix A.1 / A.3: the Ed25519 example key and its thumbprint.
    const pub = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }, format: 'jwk' });
    expect(keyId(pub)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });
});

describe('validUntil', () => {
  it('is the day before the anniversary, none without a validity', () => {
    expect(validUntil('2026-12-02', 5)).toBe('2031-12-01');
    expect(validUntil('2026-01-01', 4)).toBe('2029-12-31');
    expect(validUntil('2028-02-29', 1)).toBe('2029-02-28');
    expect(validUntil('2026-12-02', undefined)).toBeUndefined();
  });
});
