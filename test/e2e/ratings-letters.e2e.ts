import { accept, decide } from '../support/flows.js';
import { Api, caseWhere, idempotencyKey, PERSON_ID, reTransferApplication } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

/**
 * The end of a rejected case over HTTP: its decision letter (不予许可决定书) printed with the department's reasons and
 * the remedies, the applicant's rating (好差评) on the public side, and the follow-up a bad rating opens, closed by a
 * supervisor.
 */
describe('a rejected case: decision letter, rating and follow-up', () => {
  let t: TestStack;
  let api: Api;

  beforeAll(async () => {
    t = await startTestStack({ namespacePrefix: 'ratings' });
    api = t.api;
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  it('prints the letter, takes one rating after the end, and a bad one opens a follow-up a supervisor closes', async () => {
    const { caseNo } = await accept(api, reTransferApplication());
    const idTail = PERSON_ID.slice(-6);
    // Routed (routing knows the case), not ended: a rating is refused as early, not as unknown.
    await caseWhere(api, caseNo, (c) => c.status === 'IN_REVIEW', 'IN_REVIEW');
    const early = await api.as(null, 'POST', `/public/cases/${caseNo}/rating`, { idTail, score: 5 });
    expect(early.status).toBe(422);

    await decide(api, 'rep.hud', caseNo, 'REJECT', '房屋存在违法建设未处理，不符合转移登记条件');
    await caseWhere(api, caseNo, (c) => c.status === 'REJECTED', 'REJECTED');

    const letter = await api.as('clerk1', 'GET', `/cases/${caseNo}/decision-letter`);
    expect(letter.status).toBe(200);
    expect(letter.body).toContain('不予行政许可决定书');
    expect(letter.body).toContain('房屋存在违法建设未处理');
    expect(letter.body).toContain('行政复议');
    expect(letter.body).toContain('行政诉讼');
    expect((await api.as('finance1', 'GET', `/cases/${caseNo}/decision-letter`)).status).toBe(403);

    expect((await api.as(null, 'POST', `/public/cases/${caseNo}/rating`, { idTail: 'ABCDEF', score: 1 })).status).toBe(404);
    for (const score of [0, 6, 2.5, '2']) expect((await api.as(null, 'POST', `/public/cases/${caseNo}/rating`, { idTail, score })).status).toBe(400);
    const rated = await api.as(null, 'POST', `/public/cases/${caseNo}/rating`, { idTail, score: 2, comment: '等待时间太长' });
    expect(rated.status).toBe(201);
    expect(rated.body.followUp).toMatchObject({ followUpId: expect.any(String), dueAt: expect.any(String) });
    expect((await api.as(null, 'POST', `/public/cases/${caseNo}/rating`, { idTail, score: 5 })).status).toBe(409);

    const open = await api.as('supervisor1', 'GET', '/supervision/ratings/follow-ups?status=OPEN');
    expect(open.body.map((f: any) => f.followUpId)).toContain(rated.body.followUp.followUpId);
    const path = `/supervision/ratings/follow-ups/${rated.body.followUp.followUpId}/close`;
    expect((await api.as('clerk1', 'POST', path, { note: '已回访' })).status).toBe(403);
    const closed = await api.as('supervisor1', 'POST', path, { note: '已电话回访申请人并说明原因' }, { 'Idempotency-Key': idempotencyKey() });
    expect([200, 201]).toContain(closed.status);
    expect((await api.as('supervisor1', 'POST', path, { note: '再次关闭' })).status).toBe(409);
  });
});
