import { shanghaiDate } from '#libs/calendar';

/**
 * Numbers of the written answers the window gives instead of a case number: a letter prefix, the Shanghai issue
 * date and a database sequence value, e.g. one-time notice (一次性告知书) `GZ20261123000042`, refusal (不予受理决定书)
 * `BY20261123000007`. Readable over the counter, unique across replicas (the sequence), never reused; the sequence
 * is not reset daily, so past 999999 the number widens instead of wrapping into a duplicate.
 */
export const DOCUMENT_PREFIX = { oneTimeNotice: 'GZ', refusal: 'BY' } as const;

export function documentNo(prefix: string, issuedAt: Date, seq: number | string): string {
  const n = BigInt(seq);
  if (n < 1n) throw new Error(`document sequence must be positive, got ${seq}`);
  return `${prefix}${shanghaiDate(issuedAt).replaceAll('-', '')}${n.toString().padStart(6, '0')}`;
}

export const oneTimeNoticeNo = (issuedAt: Date, seq: number | string) => documentNo(DOCUMENT_PREFIX.oneTimeNotice, issuedAt, seq);
export const refusalNo = (issuedAt: Date, seq: number | string) => documentNo(DOCUMENT_PREFIX.refusal, issuedAt, seq);

/** Shape check only (the gateway and the store answer 404 for a well-formed unknown number). */
export function isDocumentNo(prefix: string, no: string): boolean {
  return new RegExp(`^${prefix}\\d{8}\\d{6,}$`).test(no);
}
