/** GB 32100-2015 character set: digits and upper-case letters without I, O, Z, S, V. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]);
    if (v < 0) throw new Error(`"${first17[i]}" is not a GB 32100 character`);
    sum += v * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Unified social credit code (GB 32100-2015): 18 characters, the last a MOD 31 check character. */
export function creditCodeProblem(value: string): string | null {
  const v = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(v)) {
    return 'must be 18 characters of GB 32100 (digits and letters except I, O, S, V, Z; characters 3-8 a region code)';
  }
  if (creditCodeCheckChar(v.slice(0, 17)) !== v[17]) return 'check character does not match (GB 32100)';
  return null;
}

export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === null;
}
