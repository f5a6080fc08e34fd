import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeConfig, loadConfig } from './service-config.js';

describe('PII_KEYS / PII_KEY_FILE (intake, delivery)', () => {
  const key = () => randomBytes(32).toString('base64');
  const keys = `k2:${key()},k1:${key()},lookup:${key()}`;
  const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), CERT_SIGNING_KEY_FILE: '' };

  it('reads the keys, the first one current, from the variable or a file', () => {
    const c = loadConfig('intake', { PII_KEYS: keys });
    expect(c.piiKeys?.current).toBe('k2');
    expect(Object.keys(c.piiKeys!.keys)).toEqual(['k2', 'k1']);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pii-')), 'keys');
    writeFileSync(file, keys.split(',').join('\n'));
    expect(loadConfig('delivery', { PII_KEY_FILE: file }).piiKeys?.current).toBe('k2');
  });

  it('may be unset outside production (development keys), not in production', () => {
    expect(loadConfig('intake', {}).piiKeys).toBeUndefined();
    expect(() => loadConfig('intake', production)).toThrow(/PII_KEYS or PII_KEY_FILE must give the personal-data keys in production/);
    expect(loadConfig('intake', { ...production, PII_KEYS: keys }).piiKeys?.current).toBe('k2');
  });

  it('stops the start on a bad key or file without echoing a key, and never prints one', () => {
    const short = Buffer.alloc(8, 7).toString('base64');
    expect(() => loadConfig('intake', { PII_KEYS: `k1:${short}` })).toThrow(/PII_KEYS: key k1 must be 32 bytes/);
    expect(() => loadConfig('intake', { PII_KEYS: `k1:${short}` })).not.toThrow(new RegExp(short.replace(/[+/=]/g, '.')));
    expect(() => loadConfig('delivery', { PII_KEY_FILE: '/nonexistent/pii' })).toThrow(/PII_KEY_FILE cannot be read \(ENOENT\)/);
    expect(() => loadConfig('delivery', { PII_KEY_FILE: '/x', PII_KEYS: keys })).toThrow(/not both/);
    expect(describeConfig(loadConfig('intake', { PII_KEYS: keys })).piiKeys).toBe('***');
  });

  it('is read only by the services that keep personal data', () => {
    expect(loadConfig('routing', { PII_KEYS: 'junk' }).piiKeys).toBeUndefined();
    expect(loadConfig('gateway', { PII_KEYS: 'junk' }).piiKeys).toBeUndefined();
  });
});
