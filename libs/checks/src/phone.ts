/** Mainland China mobile number: 11 digits starting 13-19, optionally with +86. */
export function isMainlandMobile(value: string): boolean {
  return /^(\+?86)?1[3-9]\d{9}$/.test(value.replace(/[\s-]/g, ''));
}
