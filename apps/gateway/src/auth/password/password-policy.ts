import { randomBytes } from 'node:crypto';
import type { Problem } from '#libs/contracts';

export const PASSWORD_MIN_LENGTH = 10;

/** The most common passwords and the ones people here try first; a short list, on purpose (NIST 800-63B §5.1.1.2). */
const COMMON = new Set(
  [
    '1234567890', '12345678910', '0123456789', '1234567890a', 'qwertyuiop', 'qwerty1234', 'qwertyuiop1', 'password12', 'password123',
    'password1234', 'passw0rd123', 'iloveyou12', 'abcdefghij', 'abc1234567', 'a123456789', 'aa12345678', '1q2w3e4r5t', '1qaz2wsx3edc',
    'zaq12wsxcde', 'admin12345', 'admin123456', 'administrator', 'welcome123', 'changeme123', 'letmein1234', 'woaini1314', '5201314520',
    '1314520520', 'demo-password', '00000000000', '11111111111', '88888888888', '66666666666', 'asdfghjkl1', 'zxcvbnm123',
  ].map((p) => p.toLowerCase()),
);

/** Every problem with a new password at once: length, the username in it, a common one. */
export function passwordProblems(password: unknown, username: string, field = 'newPassword'): Problem[] {
  if (typeof password !== 'string') return [{ field, rule: 'isString', message: `${field} must be a string` }];
  const problems: Problem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push({ field, rule: 'minLength', message: `${field} must be at least ${PASSWORD_MIN_LENGTH} characters` });
  if ([...password].length > 200) problems.push({ field, rule: 'maxLength', message: `${field} must be at most 200 characters` });
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push({ field, rule: 'notUsername', message: `${field} must not contain the username` });
  if (COMMON.has(password.toLowerCase())) problems.push({ field, rule: 'notCommon', message: `${field} is one of the most common passwords` });
  return problems;
}

/** A one-time password an administrator hands over: 16 characters of an alphabet without look-alikes. */
export function oneTimePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}
