import { isCleanText, jsonProblems, textProblem } from './input-rules.js';

describe('the one input rule', () => {
  it('refuses NUL and unpaired surrogates in text, accepts any real Unicode', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('a\uD800b')).toMatch(/surrogate/);
    expect(textProblem('\uDC00')).toMatch(/surrogate/);
    expect(textProblem('不动产 😀 ok')).toBeNull();
    expect(isCleanText('x'.repeat(11), 10)).toBe(false);
  });

  it('lists every bad string in a body, keys included, with where it is', () => {
    const problems = jsonProblems({ reason: 'a\u0000b', applicant: { name: '\uD83D' }, ['k\u0000']: 1 });
    expect(problems.map((p) => p.field).sort()).toEqual(['body.applicant.name', 'body.k?', 'body.reason']);
  });

  it('refuses a body nested deeper than 32 levels without recursing over it', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const problems = jsonProblems(deep);
    expect(problems).toHaveLength(1);
    expect(problems[0].rule).toBe('maxDepth');
    let ok: unknown = 1;
    for (let i = 0; i < 31; i++) ok = { a: ok };
    expect(jsonProblems(ok)).toEqual([]);
  });

  it('refuses a body with too many values', () => {
    expect(jsonProblems(new Array(30_000).fill(0))[0].rule).toBe('maxSize');
  });
});
