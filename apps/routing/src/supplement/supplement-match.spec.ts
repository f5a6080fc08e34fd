import { answers, mergeRequested, unanswered } from './supplement-match.js';

const tax = { code: 'M05', name: '完税凭证', reason: '复印件不清晰' };
const marriage = { name: '婚姻状况证明' };

describe('does a supplement answer the request?', () => {
  it('matches by code when both sides carry one', () => {
    expect(answers(tax, { code: 'M05', name: '完税证明(原件)' })).toBe(true);
    expect(answers(tax, { code: ' m05 ', name: 'x' })).toBe(true);
    expect(answers(tax, { code: 'M04', name: '完税凭证' })).toBe(false);
  });

  it('matches by name when either side has no code, ignoring blanks, width and case', () => {
    expect(answers(marriage, { code: 'M06', name: '婚姻状况证明' })).toBe(true);
    expect(answers(tax, { name: '完税 凭证' })).toBe(true);
    expect(answers({ name: 'ID Card' }, { name: 'ｉｄ card' })).toBe(true);
    expect(answers(marriage, { name: '户口簿' })).toBe(false);
    expect(answers({ name: '' }, { name: '' })).toBe(false);
  });

  it('lists what is still owed, in the order it was asked for', () => {
    expect(unanswered([tax, marriage], [{ code: 'M05', name: '完税凭证' }])).toEqual([marriage]);
    expect(unanswered([tax, marriage], [{ name: '婚姻状况证明' }, { code: 'M05', name: '' }])).toEqual([]);
    expect(unanswered([tax, marriage], [])).toEqual([tax, marriage]);
    expect(unanswered([], [{ name: 'x' }])).toEqual([]);
  });

  it('merges a second department’s request, keeping a material already asked for once', () => {
    expect(mergeRequested([tax], [{ code: 'M05', name: '完税凭证' }, marriage])).toEqual([tax, marriage]);
  });
});
