import { AppError } from '#libs/contracts';
import { parseDecideRequest } from './decide-task.rules.js';

const taskId = '0190a000-0000-7000-8000-000000000001';

function problemsOf(data: unknown): string[] {
  try {
    parseDecideRequest(data);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return ((e as AppError).details as { problems: { field: string; rule: string }[] }).problems.map((p) => `${p.field}:${p.rule}`);
  }
  throw new Error('expected the request to be refused');
}

describe('a supplement request (补正) lists what the applicant must bring', () => {
  it('keeps the cleaned list with the decision', () => {
    const r = parseDecideRequest({
      taskId,
      decision: 'REQUEST_SUPPLEMENT',
      opinion: '请补充材料',
      requested: [{ code: ' M05 ', name: ' 完税凭证 ', reason: '复印件不清晰' }, { name: '婚姻状况证明', code: '' }],
    });
    expect(r.requested).toEqual([{ code: 'M05', name: '完税凭证', reason: '复印件不清晰' }, { name: '婚姻状况证明' }]);
  });

  it('requires a non-empty list with REQUEST_SUPPLEMENT', () => {
    expect(problemsOf({ taskId, decision: 'REQUEST_SUPPLEMENT', opinion: '补' })).toEqual(['requested:isDefined']);
    expect(problemsOf({ taskId, decision: 'REQUEST_SUPPLEMENT', opinion: '补', requested: [] })).toEqual(['requested:arrayNotEmpty']);
    expect(problemsOf({ taskId, decision: 'REQUEST_SUPPLEMENT', opinion: '补', requested: 'M05' })).toEqual(['requested:isArray']);
  });

  it('lists every problem of every item', () => {
    expect(
      problemsOf({ taskId, decision: 'REQUEST_SUPPLEMENT', opinion: '补', requested: [{ code: 5 }, 'x', { name: '  ' }, { name: 'a'.repeat(201) }] }),
    ).toEqual(['requested.0.code:isString', 'requested.0.name:isDefined', 'requested.1:nestedValidation', 'requested.2.name:matches', 'requested.3.name:maxLength']);
  });

  it('refuses a list with any other decision', () => {
    expect(problemsOf({ taskId, decision: 'APPROVE', requested: [{ name: '完税凭证' }] })).toEqual(['requested:notAllowed']);
    expect(parseDecideRequest({ taskId, decision: 'APPROVE', requested: [] }).requested).toBeUndefined();
  });
});
