import { AppError } from '#libs/contracts';
import { parseDecideRequest, STATUS_AFTER } from './decide-task.rules.js';

const taskId = '0190a000-0000-7000-8000-000000000001';

function problemsOf(data: unknown) {
  try {
    parseDecideRequest(data);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).status).toBe(422);
    return ((e as AppError).details as { problems: { field: string; rule: string }[] }).problems.map((p) => `${p.field}:${p.rule}`);
  }
  throw new Error('expected the request to be refused');
}

describe('parseDecideRequest', () => {
  it('accepts an approval without an opinion', () => {
    expect(parseDecideRequest({ taskId, decision: 'APPROVE' })).toEqual({ taskId, decision: 'APPROVE', opinion: '' });
  });

  it('trims the opinion', () => {
    expect(parseDecideRequest({ taskId, decision: 'REJECT', opinion: '  欠税未清  ' }).opinion).toBe('欠税未清');
  });

  it('requires a non-blank opinion to reject or to request a supplement', () => {
    expect(problemsOf({ taskId, decision: 'REJECT', opinion: '   ' })).toEqual(['opinion:matches']);
    expect(problemsOf({ taskId, decision: 'REQUEST_SUPPLEMENT', requested: [{ name: '完税凭证' }] })).toEqual(['opinion:isDefined']);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ taskId: 'nope', decision: 'MAYBE', opinion: 7 })).toEqual(['taskId:isUuid', 'decision:isIn', 'opinion:isString']);
    expect(problemsOf(undefined)).toEqual(['taskId:isDefined', 'decision:isDefined', 'opinion:isDefined']);
  });

  it('refuses an overlong opinion', () => {
    expect(problemsOf({ taskId, decision: 'APPROVE', opinion: '意'.repeat(2001) })).toEqual(['opinion:maxLength']);
  });

  it('maps each decision to the task status it leaves', () => {
    expect(STATUS_AFTER).toEqual({ APPROVE: 'APPROVED', REJECT: 'REJECTED', REQUEST_SUPPLEMENT: 'SUPPLEMENT_REQUESTED' });
  });
});
