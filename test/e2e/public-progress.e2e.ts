import { caseWhere, eventually, ORG_ID, PERSON_ID, type Api } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';
import { accept } from '../support/flows.js';
import { reTransfer, sealFiling } from '../support/intake-applications.js';

const SHANGHAI_SECOND = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/;

/**
 * The applicant's side of #10: notifications in the file sink (the pickup code only there), and the public progress
 * page behind the last six characters of the ID number, with nothing personal on it and a lock after ten wrong tails.
 */
describe('applicant: notifications and the public progress page', () => {
  let t: TestStack;
  let api: Api;

  beforeAll(async () => {
    t = await startTestStack({ namespacePrefix: 'public' });
    api = t.api;
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  const lookup = (caseNo: string, idTail: string) => api.as(null, 'GET', `/public/cases/${caseNo}?idTail=${encodeURIComponent(idTail)}`);

  it('shows the step in words, the promised date and a timeline, with no ID number, phone, name or staff user in the raw answer', async () => {
    const c = await accept(api, reTransfer());
    await caseWhere(api, c.caseNo, (v) => v.status === 'IN_REVIEW', 'IN_REVIEW');
    const res = await fetch(`${t.stack.url}/api/v1/public/cases/${c.caseNo}?idTail=${PERSON_ID.slice(-6).toLowerCase()}`);
    const raw = await res.text();
    expect(res.status).toBe(200);
    const view = JSON.parse(raw);
    expect(view).toMatchObject({ caseNo: c.caseNo, status: 'IN_REVIEW' });
    expect(view.currentStep).toMatch(/审查中$/);
    expect(view.promisedDeadline).toMatch(SHANGHAI_SECOND);
    expect(view.timeline[0]).toEqual({ at: expect.stringMatching(SHANGHAI_SECOND), event: '申请已受理' });
    expect(view.timeline.some((e: { event: string }) => /开始审查$/.test(e.event))).toBe(true);
    expect(view.pickupCode).toBeUndefined();
    for (const secret of [PERSON_ID, PERSON_ID.toLowerCase(), '13812345678', '张三', 'clerk1', 'rep.', 'supervisor', 'actor']) expect(raw).not.toContain(secret);

    // The acceptance notification went to the sink with the promised date, the phone masked.
    const [sent] = await eventually(async () => {
      const n = await t.notifications(c.caseNo);
      return n.length ? n : undefined;
    }, 'the acceptance notification');
    expect(sent).toMatchObject({ template: 'CASE_ACCEPTED', phone: '138****5678' });
    expect(sent.text).toContain(c.caseNo);
  }, 60_000);

  it('refuses the old four-character tail with a 400 naming the rule', async () => {
    const c = await accept(api, reTransfer());
    const r = await lookup(c.caseNo, PERSON_ID.slice(-4));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toContain('idTail must be the last 6 characters of the ID number');
  }, 30_000);

  it('sends the pickup code once, in the result-ready notification, never on the public page', async () => {
    const c = await accept(api, sealFiling({ decision: 'APPROVE', opinion: '准予备案' }), 'rep.psb');
    await caseWhere(api, c.caseNo, (v) => v.status === 'READY_FOR_DELIVERY', 'READY_FOR_DELIVERY');
    const code = await t.pickupCode(c.caseNo);
    const res = await fetch(`${t.stack.url}/api/v1/public/cases/${c.caseNo}?idTail=${ORG_ID.slice(-6)}`);
    const raw = await res.text();
    expect(res.status).toBe(200);
    expect(raw).not.toContain(code);
    expect(raw).not.toContain(ORG_ID);
    expect(JSON.parse(raw).currentStep).toMatch(/^待领取/);
    // Every template once, whatever the redeliveries (the sender polls every 100 ms here).
    await new Promise((r) => setTimeout(r, 500));
    const templates = (await t.notifications(c.caseNo)).map((n) => n.template);
    expect(new Set(templates).size).toBe(templates.length);
    expect(templates).toEqual(expect.arrayContaining(['CASE_ACCEPTED', 'CASE_APPROVED', 'RESULT_READY_WINDOW']));
    // On the timeline: template and outcome, never the code.
    const timeline = await eventually(async () => {
      const r = await api.as('supervisor1', 'GET', `/cases/${c.caseNo}/timeline`);
      return r.body?.some?.((e: any) => e.type === 'delivery.notification.sent.v1' && e.data.template === 'RESULT_READY_WINDOW') ? r.body : undefined;
    }, 'the result-ready notification on the timeline');
    expect(timeline.find((e: any) => e.data.template === 'RESULT_READY_WINDOW').data).toMatchObject({ outcome: 'SENT', channel: 'FILE' });
    expect(JSON.stringify(timeline)).not.toContain(code);
  }, 60_000);

  it('locks a case number for 15 minutes after 10 wrong tails, known or unknown alike, in PostgreSQL', async () => {
    const c = await accept(api, reTransfer());
    const right = PERSON_ID.slice(-6);
    for (let i = 0; i < 10; i++) {
      const wrong = await lookup(c.caseNo, `00000${i}`);
      expect([wrong.status, wrong.body.code]).toEqual([404, 'CASE.NOT_FOUND']);
    }
    const locked = await lookup(c.caseNo, right);
    expect([locked.status, locked.body.code]).toEqual([429, 'PUBLIC.LOOKUP_LOCKED']);
    expect(locked.body.retryAfterSeconds).toBeGreaterThan(890);
    // An unknown number answers the same way: the lock tells nothing about whether a case exists.
    const unknown = `${c.caseNo.slice(0, -3)}999`;
    for (let i = 0; i < 10; i++) expect((await lookup(unknown, `00000${i}`)).status).toBe(404);
    expect((await lookup(unknown, right)).body.code).toBe('PUBLIC.LOOKUP_LOCKED');
    // Another case is not affected; once the 15 minutes are over, the right tail works again.
    const other = await accept(api, reTransfer());
    expect((await lookup(other.caseNo, right)).status).toBe(200);
    const db = await t.db();
    await db.query(`UPDATE gateway.public_lookup_failures SET locked_until = now() - interval '1 second' WHERE case_no = $1`, [c.caseNo]);
    expect((await lookup(c.caseNo, right)).status).toBe(200);
    expect((await db.query(`SELECT 1 FROM gateway.public_lookup_failures WHERE case_no = $1`, [c.caseNo])).rowCount).toBe(0);
  }, 60_000);
});
