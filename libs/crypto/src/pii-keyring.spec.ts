import { randomBytes } from 'node:crypto';
import { developmentPiiKeys, parsePiiKeys, type PiiKeyMaterial } from './key-material.js';
import { PiiCipherError, PiiKeyring } from './pii-keyring.js';
import { APPLICANT_FIELDS, DELIVERY_CONTACT_FIELDS, openFields, sealFields } from './sealed-fields.js';

const b64 = () => randomBytes(32).toString('base64');
const material = (text: string): PiiKeyMaterial => {
  const { material: m, problems } = parsePiiKeys(text);
  if (!m) throw new Error(problems.join('; '));
  return m;
};

describe('PiiKeyring', () => {
  const k1 = b64();
  const lookup = b64();
  const ring = new PiiKeyring(material(`k1:${k1},lookup:${lookup}`));

  it('round-trips, with the key id beside the value and a fresh IV each time', () => {
    const sealed = ring.seal('11010519491231002X');
    expect(sealed).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(sealed).not.toContain('11010519491231002X');
    expect(ring.open(sealed)).toBe('11010519491231002X');
    expect(ring.seal('11010519491231002X')).not.toBe(sealed);
    expect(ring.open(ring.seal(''))).toBe('');
    expect(ring.openJson(ring.sealJson({ province: '四川省', detail: '示范路 1 号' }))).toEqual({ province: '四川省', detail: '示范路 1 号' });
    expect(PiiKeyring.isSealed(sealed)).toBe(true);
    expect(PiiKeyring.isSealed('13800138000')).toBe(false);
  });

  it('refuses a tampered value: ciphertext, tag, IV or key id changed', () => {
    const sealed = ring.seal('13800138000');
    const [v, kid, iv, ct, tag] = sealed.split('.');
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
    for (const bad of [[v, kid, iv, flip(ct), tag], [v, kid, iv, ct, flip(tag)], [v, kid, flip(iv), ct, tag], [v, 'k2', iv, ct, tag]]) {
      expect(() => ring.open(bad.join('.'))).toThrow(PiiCipherError);
    }
    expect(() => ring.open('13800138000')).toThrow(/not a sealed value/);
  });

  it('refuses a value sealed under another key of the same id', () => {
    const other = new PiiKeyring(material(`k1:${b64()},lookup:${lookup}`));
    expect(() => other.open(ring.seal('13800138000'))).toThrow(/does not authenticate/);
  });

  it('rotates: a new current key seals, the old one listed still opens what it sealed', () => {
    const old = ring.seal('13800138000');
    const rotated = new PiiKeyring(material(`k2:${b64()}\nk1:${k1}\nlookup:${lookup}`));
    expect(rotated.currentKid).toBe('k2');
    expect(PiiKeyring.kidOf(rotated.seal('x'))).toBe('k2');
    expect(rotated.open(old)).toBe('13800138000');
    const dropped = new PiiKeyring(material(`k2:${b64()},lookup:${lookup}`));
    expect(() => dropped.open(old)).toThrow(/key k1, which is not configured/);
  });

  it('lookup is a keyed HMAC: stable under one key, different under another or for another purpose', () => {
    const h = ring.lookup('pickup-id', 'C1:11010519491231002X');
    expect(h).toMatch(/^h1\.[0-9a-f]{64}$/);
    expect(ring.lookup('pickup-id', 'C1:11010519491231002X')).toBe(h);
    expect(ring.lookup('other', 'C1:11010519491231002X')).not.toBe(h);
    expect(new PiiKeyring(material(`k1:${k1},lookup:${b64()}`)).lookup('pickup-id', 'C1:11010519491231002X')).not.toBe(h);
    // The lookup key, not the encryption key, keys it: rotating encryption keys keeps lookups valid.
    expect(new PiiKeyring(material(`k9:${b64()},lookup:${lookup}`)).lookup('pickup-id', 'C1:11010519491231002X')).toBe(h);
  });

  it('without material uses the fixed development keys, the same in every process', () => {
    const dev = new PiiKeyring();
    expect(dev.development).toBe(true);
    expect(new PiiKeyring(developmentPiiKeys()).open(dev.seal('13800138000'))).toBe('13800138000');
  });
});

describe('parsePiiKeys', () => {
  it('takes the first encryption key as current and lookup: as the HMAC key', () => {
    const { material: m } = parsePiiKeys(`# rotated 2026-01\nk2:${b64()}\nk1:${b64()}\nlookup:${b64()}\n`);
    expect(m?.current).toBe('k2');
    expect(Object.keys(m!.keys)).toEqual(['k2', 'k1']);
  });

  it('names what is wrong without echoing a key', () => {
    const short = Buffer.alloc(16, 1).toString('base64');
    const { problems } = parsePiiKeys(`k1:${short},bad.kid:${b64()}`);
    expect(problems).toEqual([
      'key k1 must be 32 bytes in base64 (openssl rand -base64 32)',
      'an entry is not kid:base64 (kid: letters, digits, _ or -, at most 32)',
      'no encryption key (kid:base64) is listed',
      'no lookup:base64 key for lookups is listed',
    ]);
    expect(problems.join(' ')).not.toContain(short);
    const same = b64();
    expect(parsePiiKeys(`k1:${same},lookup:${same}`).problems).toEqual(['the lookup key must differ from the encryption keys']);
  });
});

describe('sealFields / openFields', () => {
  const ring = new PiiKeyring();
  it('seals the listed fields only, idempotently, and opens them back', () => {
    const pref = { method: 'COURIER', recipient: '张三', phone: '13900139000', postalAddress: { province: '四川省', city: '绵阳市', district: '游仙区', detail: '1 号' } };
    const sealed = sealFields(ring, pref, DELIVERY_CONTACT_FIELDS);
    expect(sealed).toMatchObject({ method: 'COURIER', recipient: '张三' });
    expect(JSON.stringify(sealed)).not.toMatch(/13900139000|游仙区/);
    expect(sealFields(ring, sealed, DELIVERY_CONTACT_FIELDS)).toEqual(sealed);
    expect(openFields(ring, sealed, DELIVERY_CONTACT_FIELDS)).toEqual(pref);
    expect(sealFields(ring, null, APPLICANT_FIELDS)).toBeNull();
    expect(() => openFields(ring, { idNumber: '11010519491231002X' }, APPLICANT_FIELDS)).toThrow(PiiCipherError);
  });
});
