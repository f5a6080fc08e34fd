import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from './service-config.js';

describe('CERT_SIGNING_KEY_FILE (delivery)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cert-key-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const ed = write('ed.pem', generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  const ec = write('ec.pem', generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  const junk = write('junk.pem', 'not a key');

  it('takes an Ed25519 PEM private key', () => {
    expect(loadConfig('delivery', { CERT_SIGNING_KEY_FILE: ed }).certSigningKeyFile).toBe(ed);
  });

  it('may be unset outside production (an ephemeral key), not in production', () => {
    expect(loadConfig('delivery', {}).certSigningKeyFile).toBeUndefined();
    expect(() => loadConfig('delivery', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toThrow(/CERT_SIGNING_KEY_FILE must name an Ed25519 private key/);
    // (a production delivery also needs its personal-data keys: pii-settings.spec.ts)
    const PII_KEYS = `k1:${Buffer.alloc(32, 1).toString('base64')},lookup:${Buffer.alloc(32, 2).toString('base64')}`;
    expect(loadConfig('delivery', { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), CERT_SIGNING_KEY_FILE: ed, PII_KEYS }).certSigningKeyFile).toBe(ed);
  });

  it('stops the start on a missing file, another kind of key or junk, without echoing the key', () => {
    expect(() => loadConfig('delivery', { CERT_SIGNING_KEY_FILE: path.join(dir, 'none.pem') })).toThrow(/CERT_SIGNING_KEY_FILE cannot be read \(ENOENT\)/);
    expect(() => loadConfig('delivery', { CERT_SIGNING_KEY_FILE: ec })).toThrow(/must hold an Ed25519 private key, not ec/);
    expect(() => loadConfig('delivery', { CERT_SIGNING_KEY_FILE: junk })).toThrow(/is not a PEM private key/);
  });

  it('is read only by delivery', () => {
    expect(loadConfig('gateway', { CERT_SIGNING_KEY_FILE: junk }).certSigningKeyFile).toBeUndefined();
  });
});
