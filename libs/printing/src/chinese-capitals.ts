/**
 * 大写金额: an amount in fen written in Chinese financial capitals, as on a bank slip or a 非税收入 notice.
 *
 * The rules are those of 《正确填写票据和结算凭证的基本规定》 (People's Bank of China, annex to 《支付结算办法》), and,
 * where that text leaves a choice, the stricter reading that also satisfies 《会计基础工作规范》 第五十二条:
 *
 * - Digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, 元角分; never 一二十 or 毛/另.
 * - `整` after an amount that ends at 元 or at 角 (壹佰元整, 壹佰元伍角整: the 规定 allows leaving it off after 角,
 *   the 规范 requires it; writing it satisfies both and closes the line against an added 分). Never after 分.
 * - A 拾 always carries its digit, also at the head of the amount: 壹拾元整, 壹拾万元整 (never 拾元整).
 * - Zeros inside the yuan part are read as in speech: one 零 for each run of zeros between two non-zero digits, also
 *   across the 万 boundary: 1,409 → 壹仟肆佰零玖; 6,007 → 陆仟零柒; 107,000 → 壹拾万零柒仟; 100,010 → 壹拾万零壹拾.
 *   (Rule 五(三) lets the 零 at an empty 万 position be left off; we write it.)
 * - 角 zero and 分 not zero: `零` after 元, as the 规定 requires: 325.04 → 叁佰贰拾伍元零肆分;
 *   1,000,000.01 → 壹佰万元零壹分.
 * - 元 position zero but 角 not zero: no 零 before the 角 (rule 五(三) allows either): 1,680.32 → 壹仟陆佰捌拾元叁角贰分;
 *   100.50 → 壹佰元伍角整.
 * - Less than one yuan: the amount starts at its 角 or 分, without a 零元 before it (as bank printers write it, and
 *   the 人民币 label must directly precede the first digit anyway): 0.50 → 伍角整, 0.01 → 壹分, 0.11 → 壹角壹分.
 * - Nothing at all: 零元整.
 *
 * Valid for 0 to 9,999,999,999 fen (99,999,999.99 yuan); anything else (negative, fractional, NaN, bigger) throws
 * a RangeError rather than printing something a bank could misread.
 */
export const MAX_CAPITALS_FEN = 9_999_999_999;

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
/** Positions inside a four-digit group, from the right: ones, 拾, 佰, 仟. */
const IN_GROUP = ['', '拾', '佰', '仟'];
/** Group units, from the right: 元 group, 万, 亿 (亿 only matters if the range ever grows). */
const GROUPS = ['', '万', '亿'];

export function amountInChineseCapitals(fen: number): string {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen) || fen < 0 || fen > MAX_CAPITALS_FEN) {
    throw new RangeError(`amountInChineseCapitals: ${String(fen)} is not a whole number of fen from 0 to ${MAX_CAPITALS_FEN}`);
  }
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;

  let out = yuan > 0 ? `${integerInCapitals(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (fenDigit === 0) return `${out}整`;
  return `${out}${DIGITS[fenDigit]}分`;
}

/** A positive whole number in capitals, zeros read as in speech (one 零 per run between non-zero digits). */
function integerInCapitals(n: number): string {
  const digits = String(n).split('').map(Number).reverse(); // digits[i] is 10^i
  let out = '';
  let pendingZero = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    const d = digits[i];
    const inGroup = i % 4;
    if (d === 0) {
      if (out) pendingZero = true;
    } else {
      if (pendingZero) out += '零';
      pendingZero = false;
      out += DIGITS[d] + IN_GROUP[inGroup];
    }
    if (inGroup === 0 && i > 0) {
      // End of a group: name it (万, 亿) if anything in it was written.
      const group = digits.slice(i, i + 4);
      if (group.some((x) => x !== 0)) out += GROUPS[i / 4];
    }
  }
  return out;
}
