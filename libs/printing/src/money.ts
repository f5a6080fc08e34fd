export interface FormatYuanOptions {
  /** Group the yuan with commas, as on paper: 1,000,000.01. Default false: 1000000.01. */
  thousands?: boolean;
}

/**
 * Integer fen → yuan with exactly two decimals, computed on integers (never `fen / 100`): 9000 → "90.00",
 * 1 → "0.01", -150 → "-1.50". Throws RangeError for anything but a safe integer.
 */
export function formatYuan(fen: number, options: FormatYuanOptions = {}): string {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) {
    throw new RangeError(`formatYuan: ${String(fen)} is not a whole number of fen`);
  }
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  let yuan = String(Math.floor(abs / 100));
  if (options.thousands) yuan = yuan.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}
