import { RoutingModule } from '../../apps/routing/src/routing.module.js';
import { shanghaiDate } from '#libs/calendar';
import { ErrorCodes, Events, Rpc, type Actor, type TimelineEntry } from '#libs/contracts';
import { ofType, startOneService, type OneService } from '../support/one-service.js';
import { reTransferAccepted, testCaseNo } from '../support/upstream-events.js';

/**
 * 好差评 in the routing service on its own, fed intake's and approval's events and driven over request/reply as the
 * gateway drives it (the gateway checks the ID's tail with intake first): once per ended case, a 差评 opens a
 * follow-up due in 5 working days that a supervisor closes with a note; overdue ones are in the warnings; the
 * summary per department and item. Refusals write nothing.
 */
describe('ratings, driven through routing’s handlers', () => {
  let svc: OneService;
  const clerk: Actor = { id: 'clerk1', role: 'CLERK' };
  const hud: Actor = { id: 'rep.hud', role: 'CHIEF_REP', department: 'HUD' };
  const applicant: Actor = { id: 'applicant', role: 'SYSTEM' };
  const supervisor: Actor = { id: 'supervisor1', role: 'SUPERVISOR' };

  beforeAll(async () => {
    svc = await startOneService('routing', (config) => RoutingModule.register(config));
  }, 60_000);

  afterAll(async () => {
    await svc?.stop();
  }, 30_000);

  const rate = (caseNo: string, score: number, comment?: string) =>
    svc.rpc.request(Rpc.routing.rateCase, { actor: applicant, data: { caseNo, idTail: '31002X', score, ...(comment ? { comment } : {}) } });
  const count = async (sql: string, params: unknown[]) => Number((await svc.ds.query(sql, params))[0].n);
  const ratingsOf = (caseNo: string) => count(`SELECT count(*) AS n FROM routing.ratings WHERE case_no = $1`, [caseNo]);

  async function accepted(): Promise<string> {
    const caseNo = testCaseNo();
    await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted(), clerk));
    return caseNo;
  }

  async function rejectedCase(): Promise<string> {
    const caseNo = await accepted();
    await svc.deliver(svc.event(Events.TaskDecided, caseNo, { taskId: '0193a1b2-7c3d-7e4f-8a9b-000000000001', stage: 1, department: 'HUD', decision: 'REJECT', opinion: '房屋已被查封' }, hud));
    const wf = await svc.rpc.request(Rpc.routing.getWorkflow, { caseNo });
    expect(wf.status).toBe('REJECTED');
    return caseNo;
  }

  it('a 差评 of a rejected case opens a follow-up that a supervisor closes with a note; both on the timeline; a second rating is 409', async () => {
    const caseNo = await rejectedCase();
    const rating = await rate(caseNo, 2, '  等待时间太长  ');
    expect(rating).toMatchObject({ caseNo, score: 2, comment: '等待时间太长', ratedAt: expect.stringMatching(/\+08:00$/), followUp: { dueAt: expect.stringMatching(/T23:59:59\+08:00$/) } });

    // Once per case, whatever the score: 409 and nothing more written.
    await expect(rate(caseNo, 5)).rejects.toMatchObject({ status: 409, code: ErrorCodes.RATING_ALREADY_GIVEN });
    expect(await ratingsOf(caseNo)).toBe(1);

    const open = await svc.rpc.request(Rpc.routing.listFollowUps, { status: 'OPEN' });
    const followUp = open.find((f) => f.caseNo === caseNo)!;
    expect(followUp).toMatchObject({
      followUpId: rating.followUp!.followUpId,
      ratingId: rating.ratingId,
      itemCode: 'RE-TRANSFER',
      departments: ['HUD', 'TAX', 'NRB'],
      score: 2,
      comment: '等待时间太长',
      status: 'OPEN',
      dueAt: rating.followUp!.dueAt,
      overdue: false,
    });

    // Not past due yet: not in the warnings. Moved past its due time: a RATING_OVERDUE item, also under a reviewing department.
    const inWarnings = async (q: object) => (await svc.rpc.request(Rpc.routing.supervisionWarnings, q)).filter((w) => w.caseNo === caseNo);
    expect(await inWarnings({})).toEqual([]);
    await svc.ds.query(`UPDATE routing.rating_follow_ups SET due_at = now() - interval '1 hour' WHERE id = $1`, [followUp.followUpId]);
    const [warning] = await inWarnings({ level: 'RATING_OVERDUE' });
    expect(warning).toMatchObject({ subject: 'RATING', level: 'RATING_OVERDUE', itemCode: 'RE-TRANSFER', ratingFollowUp: { followUpId: followUp.followUpId, score: 2, departments: ['HUD', 'TAX', 'NRB'] } });
    expect(await inWarnings({ department: 'TAX' })).toHaveLength(1);
    expect(await inWarnings({ department: 'FIRE' })).toEqual([]);
    expect(await inWarnings({ level: 'RED' })).toEqual([]);

    // A blank note is refused (422) and closes nothing; a CLERK may not close it (403).
    await expect(svc.rpc.request(Rpc.routing.closeFollowUp, { actor: supervisor, data: { followUpId: followUp.followUpId, note: '   ' } })).rejects.toMatchObject({ status: 422 });
    await expect(svc.rpc.request(Rpc.routing.closeFollowUp, { actor: clerk, data: { followUpId: followUp.followUpId, note: '已处理' } })).rejects.toMatchObject({ status: 403 });
    const closed = await svc.rpc.request(Rpc.routing.closeFollowUp, { actor: supervisor, data: { followUpId: followUp.followUpId, note: ' 已回访申请人，窗口增设取号提醒 ' } });
    expect(closed).toMatchObject({ status: 'CLOSED', closedBy: 'supervisor1', note: '已回访申请人，窗口增设取号提醒', overdue: true, closedAt: expect.stringMatching(/\+08:00$/) });
    await expect(svc.rpc.request(Rpc.routing.closeFollowUp, { actor: supervisor, data: { followUpId: followUp.followUpId, note: '再次处理' } })).rejects.toMatchObject({
      status: 409,
      code: ErrorCodes.FOLLOW_UP_ALREADY_CLOSED,
    });
    await expect(svc.rpc.request(Rpc.routing.closeFollowUp, { actor: supervisor, data: { followUpId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5e', note: 'x' } })).rejects.toMatchObject({
      status: 404,
    });
    expect(await inWarnings({})).toEqual([]);
    expect((await svc.rpc.request(Rpc.routing.listFollowUps, { status: 'CLOSED' })).map((f) => f.followUpId)).toContain(followUp.followUpId);

    const emitted = await svc.emitted(caseNo);
    expect(ofType(emitted, Events.RatingRecorded).map((e) => e.data)).toEqual([
      { ratingId: rating.ratingId, score: 2, comment: '等待时间太长', caseStatus: 'REJECTED', followUpId: followUp.followUpId, followUpDueAt: expect.any(String) },
    ]);
    expect(ofType(emitted, Events.RatingFollowUpClosed).map((e) => [e.actor.id, e.data.note, e.data.overdue])).toEqual([['supervisor1', '已回访申请人，窗口增设取号提醒', true]]);
    const timeline: TimelineEntry[] = await svc.rpc.request(Rpc.routing.getTimeline, { caseNo });
    const types = timeline.map((t) => t.type);
    expect(types).toEqual(expect.arrayContaining([Events.RatingRecorded, Events.RatingFollowUpClosed]));
    expect(timeline.find((t) => t.type === Events.RatingRecorded)).toMatchObject({ actor: { id: 'applicant' }, data: { score: 2, caseStatus: 'REJECTED' } });
  });

  it('refuses a rating before the end (422) or out of range (422, every problem listed), writing nothing', async () => {
    const inReview = await accepted();
    await expect(rate(inReview, 5)).rejects.toMatchObject({
      status: 422,
      code: ErrorCodes.RATING_CASE_NOT_ENDED,
      details: { problems: [{ field: 'caseNo', rule: 'caseEnded', message: expect.stringContaining('IN_REVIEW') }] },
    });
    const ended = await rejectedCase();
    for (const score of [0, 6, 2.5, '5', null]) {
      await expect(svc.rpc.request(Rpc.routing.rateCase, { actor: applicant, data: { caseNo: ended, idTail: '31002X', score } as never })).rejects.toMatchObject({ status: 422 });
    }
    const both = await svc.rpc.request(Rpc.routing.rateCase, { actor: applicant, data: { caseNo: ended, idTail: '1', score: 9, comment: 'x'.repeat(501) } as never }).catch((e) => e);
    expect((both.details.problems as { field: string }[]).map((p) => p.field).sort()).toEqual(['comment', 'idTail', 'score']);
    await expect(rate(testCaseNo(), 5)).rejects.toMatchObject({ status: 404, code: ErrorCodes.CASE_NOT_FOUND });
    expect(await ratingsOf(inReview)).toBe(0);
    expect(await ratingsOf(ended)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM routing.outbox WHERE case_no = ANY($1) AND envelope->>'type' = $2`, [[inReview, ended], Events.RatingRecorded])).toBe(0);
  });

  it('summarises count, average and share of 差评 per department and item; a withdrawn case can be rated', async () => {
    const withdrawn = await accepted();
    await svc.deliver(svc.event(Events.CaseWithdrawn, withdrawn, { reason: '申请人撤回' }, clerk));
    expect(await rate(withdrawn, 5)).not.toHaveProperty('followUp');
    const today = shanghaiDate(new Date());
    const summary = await svc.rpc.request(Rpc.routing.ratingSummary, { from: today, to: today });
    // This file's ratings today: 2 (rejected, HUD/TAX/NRB) and 5 (withdrawn, HUD/TAX/NRB: stage 1 was open).
    expect(summary.overall).toEqual({ count: 2, average: 3.5, poor: 1, poorShare: 0.5 });
    expect(summary.departments).toEqual([
      { department: 'HUD', count: 2, average: 3.5, poor: 1, poorShare: 0.5 },
      { department: 'NRB', count: 2, average: 3.5, poor: 1, poorShare: 0.5 },
      { department: 'TAX', count: 2, average: 3.5, poor: 1, poorShare: 0.5 },
    ]);
    expect(summary.items).toEqual([{ itemCode: 'RE-TRANSFER', itemName: '不动产转移登记(存量房买卖)', count: 2, average: 3.5, poor: 1, poorShare: 0.5 }]);
    await expect(svc.rpc.request(Rpc.routing.ratingSummary, { from: '2026-02-30' })).rejects.toMatchObject({ status: 422 });
  });
});
