import { shanghaiDate } from '#libs/calendar';

/**
 * 'PN' + the Shanghai issue date + a database sequence value: readable at the window, unique across replicas.
 * The sequence is never reset, so the number widens past 999999 instead of wrapping into a duplicate.
 */
export function paymentNoticeNo(issuedAt: Date, seq: number | string): string {
  return `PN${shanghaiDate(issuedAt).replaceAll('-', '')}${String(seq).padStart(6, '0')}`;
}
