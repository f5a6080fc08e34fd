import bcrypt from 'bcryptjs';
import { hashPassword, needsRehash, verifyPassword } from './password-hash.js';
import { oneTimePassword, passwordProblems } from './password-policy.js';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one; salts differ', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it('still verifies a bcrypt hash from before, and asks for it to be rehashed', async () => {
    const old = await bcrypt.hash('demo-password', 4);
    expect(await verifyPassword('demo-password', old)).toBe(true);
    expect(await verifyPassword('demo-passwort', old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it('refuses a malformed stored hash', async () => {
    expect(await verifyPassword('x', 'scrypt$1$2')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
  });
});

describe('password policy', () => {
  it('lists every problem at once', () => {
    expect(passwordProblems('clerk1', 'clerk1').map((p) => p.rule)).toEqual(['minLength', 'notUsername']);
    expect(passwordProblems('Password123', 'clerk1').map((p) => p.rule)).toEqual(['notCommon']);
    expect(passwordProblems('my-CLERK1-secret', 'clerk1').map((p) => p.rule)).toEqual(['notUsername']);
    expect(passwordProblems('长长的一句话作为密码很好记', 'clerk1')).toEqual([]);
    expect(passwordProblems(12345678901, 'clerk1').map((p) => p.rule)).toEqual(['isString']);
  });

  it('makes one-time passwords that pass the policy', () => {
    for (let i = 0; i < 50; i++) {
      const otp = oneTimePassword();
      expect(otp).toMatch(/^[A-HJ-NP-Za-km-z2-9]{16}$/);
      expect(passwordProblems(otp, 'someone')).toEqual([]);
    }
  });
});
