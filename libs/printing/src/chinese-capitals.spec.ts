import fc from 'fast-check';
import { amountInChineseCapitals as capitals, MAX_CAPITALS_FEN } from './chinese-capitals.js';

/** yuan string → fen, for readable tables. */
const fen = (yuan: string) => {
  const [y, f = ''] = yuan.replace(/,/g, '').split('.');
  return Number(y) * 100 + Number(f.padEnd(2, '0'));
};

describe('大写金额 (amountInChineseCapitals)', () => {
  it.each([
    // nothing, and less than one yuan: no 零元 in front, 整 after 角
    ['0.00', '零元整'],
    ['0.01', '壹分'],
    ['0.09', '玖分'],
    ['0.10', '壹角整'],
    ['0.11', '壹角壹分'],
    ['0.50', '伍角整'],
    ['0.99', '玖角玖分'],
    // whole yuan: 整 after 元; 拾 always with its digit
    ['1.00', '壹元整'],
    ['2.00', '贰元整'],
    ['10.00', '壹拾元整'],
    ['11.00', '壹拾壹元整'],
    ['19.00', '壹拾玖元整'],
    ['20.00', '贰拾元整'],
    ['90.00', '玖拾元整'],
    ['100.00', '壹佰元整'],
    ['110.00', '壹佰壹拾元整'],
    ['1,000.00', '壹仟元整'],
    ['10,000.00', '壹万元整'],
    ['100,000.00', '壹拾万元整'],
    ['1,000,000.00', '壹佰万元整'],
    ['10,000,000.00', '壹仟万元整'],
    // 角 zero, 分 not: 零 after 元 (规定 五(四))
    ['1.01', '壹元零壹分'],
    ['10.01', '壹拾元零壹分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    ['16,409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['1,000,000.01', '壹佰万元零壹分'],
    // 元 position zero, 角 not: no 零 before 角; 整 after 角
    ['100.50', '壹佰元伍角整'],
    ['10.10', '壹拾元壹角整'],
    ['1,680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['1.10', '壹元壹角整'],
    ['1.11', '壹元壹角壹分'],
    // zeros in the middle: one 零 per run (规定 五(一)(二)), also across 万
    ['1,409.50', '壹仟肆佰零玖元伍角整'],
    ['6,007.14', '陆仟零柒元壹角肆分'],
    ['101.00', '壹佰零壹元整'],
    ['1,001.00', '壹仟零壹元整'],
    ['1,010.00', '壹仟零壹拾元整'],
    ['1,100.00', '壹仟壹佰元整'],
    ['10,001.00', '壹万零壹元整'],
    ['10,010.00', '壹万零壹拾元整'],
    ['10,100.00', '壹万零壹佰元整'],
    ['100,010.00', '壹拾万零壹拾元整'],
    ['107,000.53', '壹拾万零柒仟元伍角叁分'],
    ['100,001.00', '壹拾万零壹元整'],
    ['1,000,100.00', '壹佰万零壹佰元整'],
    ['1,010,101.01', '壹佰零壹万零壹佰零壹元零壹分'],
    ['10,000,001.00', '壹仟万零壹元整'],
    ['20,030,400.05', '贰仟零叁万零肆佰元零伍分'],
    ['12,345,678.90', '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整'],
    // the top of the range
    ['99,999,999.99', '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    ['99,999,999.00', '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整'],
  ])('¥%s → %s', (yuan, expected) => {
    expect(capitals(fen(yuan))).toBe(expected);
  });

  it.each([-1, 0.5, 1.999, NaN, Infinity, -Infinity, MAX_CAPITALS_FEN + 1, 1e15, Number.MAX_SAFE_INTEGER + 2])('refuses %p with a RangeError', (bad) => {
    expect(() => capitals(bad)).toThrow(RangeError);
  });

  it('refuses what is not a number at all', () => {
    expect(() => capitals('100' as unknown as number)).toThrow(RangeError);
    expect(() => capitals(undefined as unknown as number)).toThrow(RangeError);
  });

  it('accepts the bounds', () => {
    expect(MAX_CAPITALS_FEN).toBe(9_999_999_999);
    expect(() => capitals(0)).not.toThrow();
    expect(() => capitals(MAX_CAPITALS_FEN)).not.toThrow();
  });

  describe('for every amount in range', () => {
    const amounts = fc.integer({ min: 0, max: MAX_CAPITALS_FEN });
    // Reads the capitals back into fen: proves the writing is unambiguous and loses nothing.
    const readBack = (s: string): number => {
      const D = '零壹贰叁肆伍陆柒捌玖';
      const body = s.replace(/整$/, '');
      const m = /^(?:(.*)元)?(?:零)?(?:(.)角)?(?:(.)分)?$/.exec(body);
      if (!m) throw new Error(`unreadable: ${s}`);
      const group = (g: string) => {
        let n = 0;
        let d = 0;
        for (const ch of g) {
          const v = D.indexOf(ch);
          if (v >= 0) d = v;
          else {
            n += d * ({ 拾: 10, 佰: 100, 仟: 1000 } as Record<string, number>)[ch];
            d = 0;
          }
        }
        return n + d;
      };
      let yuan = 0;
      if (m[1]) {
        const [wan, rest] = m[1].includes('万') ? m[1].split('万') : ['', m[1]];
        yuan = group(wan) * 10000 + group(rest);
      }
      return yuan * 100 + (m[2] ? D.indexOf(m[2]) * 10 : 0) + (m[3] ? D.indexOf(m[3]) : 0);
    };

    it('reads back to the same amount', () => {
      fc.assert(fc.property(amounts, (n) => readBack(capitals(n)) === n), { numRuns: 5000 });
    });

    it('uses only the official characters, never 一二十 / 毛 / 另, and never two 零 in a row', () => {
      fc.assert(
        fc.property(amounts, (n) => {
          const s = capitals(n);
          return /^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/.test(s) && !s.includes('零零');
        }),
        { numRuns: 5000 },
      );
    });

    it('ends in 整 exactly when there are no 分, and never starts or ends a unit with 零', () => {
      fc.assert(
        fc.property(amounts, (n) => {
          const s = capitals(n);
          return s.endsWith('整') === (n % 10 === 0) && (n === 0 || (!s.startsWith('零') && !/零[元万整]/.test(s)));
        }),
        { numRuns: 5000 },
      );
    });

    it('writes 拾 always with its digit', () => {
      fc.assert(fc.property(amounts, (n) => !/(^|[零万元])拾/.test(capitals(n))), { numRuns: 5000 });
    });
  });
});
