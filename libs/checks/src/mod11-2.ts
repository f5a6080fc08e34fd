/**
 * ISO 7064 MOD 11-2 check character over a string of digits, as used by GB 11643 (resident ID numbers):
 * weights 2^(n-i) mod 11, check = (12 - sum mod 11) mod 11, with 10 written as X.
 */
export function mod11_2(digits: string): string {
  if (!/^\d+$/.test(digits)) throw new Error('MOD 11-2 needs digits only');
  let sum = 0;
  const n = digits.length;
  for (let i = 0; i < n; i++) sum += Number(digits[i]) * (2 ** (n - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}
