import { createHmac } from 'node:crypto';
import { callbackSignature, verifyCallback } from './callback-signature.js';

const secret = 'demo-callback-secret';
const body = Buffer.from('{"noticeNo":"PN202612020000018","amountFen":9000,"bankReference":"UP1","channel":"UNIONPAY","paidAt":"2026-12-02T10:15:00+08:00"}');
const now = 1_796_000_000;

describe('bank callback signature', () => {
  it('is lowercase hex HMAC-SHA256 over "<timestamp>.<raw body>", as openssl computes it', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body.toString()}`).digest('hex');
    expect(callbackSignature(secret, String(now), body)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a good signature within five minutes either way', () => {
    for (const skew of [-300, 0, 300]) {
      const ts = String(now + skew);
      expect(verifyCallback(secret, ts, callbackSignature(secret, ts, body), body, now)).toBe('OK');
    }
  });

  it('refuses a stale or future timestamp even with a good signature (a replay later)', () => {
    for (const skew of [-301, 301, -86_400]) {
      const ts = String(now + skew);
      expect(verifyCallback(secret, ts, callbackSignature(secret, ts, body), body, now)).toBe('STALE');
    }
  });

  it('refuses a signature of another body, another timestamp, another secret, or upper-case hex', () => {
    const ts = String(now);
    const good = callbackSignature(secret, ts, body);
    expect(verifyCallback(secret, ts, good, Buffer.from(body.toString().replace('9000', '9001')), now)).toBe('BAD_SIGNATURE');
    expect(verifyCallback(secret, String(now + 1), good, body, now)).toBe('BAD_SIGNATURE');
    expect(verifyCallback(secret, ts, callbackSignature('another-secret-value', ts, body), body, now)).toBe('BAD_SIGNATURE');
    expect(verifyCallback(secret, ts, good.toUpperCase(), body, now)).toBe('BAD_SIGNATURE');
    expect(verifyCallback(secret, ts, good.slice(0, 63), body, now)).toBe('BAD_SIGNATURE');
  });

  it('refuses missing headers or body, and a timestamp that is not Unix seconds', () => {
    expect(verifyCallback(secret, undefined, 'x', body, now)).toBe('MISSING');
    expect(verifyCallback(secret, String(now), undefined, body, now)).toBe('MISSING');
    expect(verifyCallback(secret, String(now), 'x', undefined, now)).toBe('MISSING');
    expect(verifyCallback(secret, '2026-12-02T10:15:00Z', 'x', body, now)).toBe('BAD_TIMESTAMP');
    expect(verifyCallback(secret, `${now}.5`, 'x', body, now)).toBe('BAD_TIMESTAMP');
  });
});
