import { Api, eventually, idempotencyKey, PERSON_ID, reTransferApplication } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

/**
 * The record that cannot be quietly changed (issue #11, 电子监察留痕): every state-changing request and every case
 * event is appended to a hash chain; the database refuses to change audit rows; a row changed behind the trigger's
 * back is named by the verification.
 */
describe('the audit record', () => {
  let t: TestStack;
  let api: Api;
  let caseNo: string;

  beforeAll(async () => {
    t = await startTestStack({ namespacePrefix: 'audit' });
    api = t.api;
    const accepted = await api.as('clerk1', 'POST', '/cases', reTransferApplication(), { 'idempotency-key': idempotencyKey() });
    expect(accepted.status).toBe(201);
    caseNo = accepted.body.caseNo;
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  const audit = (query: string) => api.as('supervisor1', 'GET', `/supervision/audit${query}`);

  it('records a POST with who, what, which case, when, from where and the outcome, and the case events, without personal data', async () => {
    const page = await eventually(async () => {
      const r = await audit(`?caseNo=${caseNo}`);
      const chains = new Set(r.body.items?.map((e: { chain: string }) => e.chain));
      return r.status === 200 && chains.has('requests') && chains.has('case-events') ? r : undefined;
    }, 'the case in the audit record');
    const post = page.body.items.find((e: { action: string }) => e.action === 'POST /cases');
    expect(post).toMatchObject({
      id: expect.stringMatching(/^G-\d+$/),
      chain: 'requests',
      at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
      actor: { id: 'clerk1', role: 'CLERK' },
      caseNo,
      center: '510704-C01',
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
      outcome: { status: 201, code: null },
      data: { itemCode: 'RE-TRANSFER' },
    });
    expect(page.body.items.some((e: { action: string; chain: string }) => e.chain === 'case-events' && e.action === 'intake.case.accepted.v1')).toBe(true);
    const text = JSON.stringify(page.body);
    for (const personal of [PERSON_ID, '13800138000', '13900139000', '张三', '人民路']) expect(text).not.toContain(personal);
  });

  it('records refused requests with their status and code, whoever refused them', async () => {
    const forbidden = await api.as('courier1', 'POST', '/cases', reTransferApplication());
    expect(forbidden.status).toBe(403);
    const anonymous = await api.request('POST', '/api/v1/tasks/0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b/decision', { body: { decision: 'APPROVE', opinion: '同意' } });
    expect(anonymous.status).toBe(401);
    const invalid = await api.as('rep.nrb', 'POST', '/tasks/0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b/decision', { decision: 'MAYBE' });
    expect(invalid.status).toBeGreaterThanOrEqual(400);

    const courier = await eventually(async () => (await audit('?user=courier1')).body.items?.find((e: { action: string }) => e.action === 'POST /cases'), 'the courier\'s refusal');
    expect(courier).toMatchObject({ actor: { id: 'courier1', role: null }, outcome: { status: 403, code: 'AUTH.FORBIDDEN' }, caseNo: null });
    const db = await t.db();
    const rows = await eventually(async () => {
      const r = await db.query(`SELECT username, route, params, status, code FROM gateway.audit_log WHERE route = '/tasks/{taskId}/decision' ORDER BY id`);
      return r.rows.length >= 2 ? r.rows : undefined;
    }, 'the refused decisions');
    expect(rows).toEqual([
      { username: null, route: '/tasks/{taskId}/decision', params: { taskId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }, status: 401, code: 'AUTH.UNAUTHENTICATED' },
      { username: 'rep.nrb', route: '/tasks/{taskId}/decision', params: { taskId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }, status: invalid.status, code: invalid.body.code },
    ]);
  });

  it('pages through the record with a cursor, and only a supervisor reads it', async () => {
    const first = await audit('?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await audit(`?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    const ids = [...first.body.items, ...second.body.items].map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const bad = await audit('?cursor=not-a-cursor');
    expect([bad.status, bad.body.problems?.[0]?.field]).toEqual([422, 'cursor']);
    expect((await api.as('clerk1', 'GET', '/supervision/audit')).status).toBe(403);
    expect((await api.as('admin', 'GET', '/supervision/audit/verify')).status).toBe(403);
  });

  it('refuses UPDATE and DELETE on audit rows in the database, even to its owner', async () => {
    const db = await t.db();
    await expect(db.query(`UPDATE gateway.audit_log SET status = 200 WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM gateway.audit_log WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE routing.audit_log SET data = '{}' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE routing.audit_log`)).rejects.toThrow(/append-only/);
  });

  it('verifies both chains, and names the row an attacker with DBA rights changed behind the trigger', async () => {
    const intact = await api.as('supervisor1', 'GET', '/supervision/audit/verify');
    expect(intact.status).toBe(200);
    expect(intact.body.ok).toBe(true);
    expect(intact.body.chains).toEqual([
      { chain: 'requests', entriesChecked: expect.any(Number), ok: true, firstBrokenEntry: null },
      { chain: 'case-events', entriesChecked: expect.any(Number), ok: true, firstBrokenEntry: null },
    ]);
    expect(intact.body.chains.every((c: { entriesChecked: number }) => c.entriesChecked > 0)).toBe(true);

    const db = await t.db();
    const { rows: [refused] } = await db.query(`SELECT id::int FROM gateway.audit_log WHERE username = 'courier1' AND status = 403 ORDER BY id LIMIT 1`);
    const { rows: [event] } = await db.query(`SELECT id::int FROM routing.audit_log WHERE case_no = $1 ORDER BY id LIMIT 1`, [caseNo]);
    // The attacker: turn the trigger off, make the refusal look like a success and the event say something else, turn it on again.
    await db.query(`ALTER TABLE gateway.audit_log DISABLE TRIGGER audit_log_no_change`);
    await db.query(`UPDATE gateway.audit_log SET status = 201, code = NULL WHERE id = $1`, [refused.id]);
    await db.query(`ALTER TABLE gateway.audit_log ENABLE TRIGGER audit_log_no_change`);
    await db.query(`ALTER TABLE routing.audit_log DISABLE TRIGGER audit_log_no_change`);
    await db.query(`UPDATE routing.audit_log SET actor = '{"id":"someone-else","role":"CLERK"}' WHERE id = $1`, [event.id]);
    await db.query(`ALTER TABLE routing.audit_log ENABLE TRIGGER audit_log_no_change`);

    const tampered = await api.as('supervisor1', 'GET', '/supervision/audit/verify');
    expect(tampered.status).toBe(200);
    expect(tampered.body.ok).toBe(false);
    expect(tampered.body.chains[0]).toMatchObject({
      chain: 'requests',
      ok: false,
      firstBrokenEntry: { id: `G-${refused.id}`, at: expect.stringMatching(/\+08:00$/), reason: expect.stringContaining('changed') },
    });
    expect(tampered.body.chains[1]).toMatchObject({ chain: 'case-events', ok: false, firstBrokenEntry: { id: `R-${event.id}` } });
    // A period that ends before the changed row still verifies.
    const { rows: [before] } = await db.query(`SELECT to_char((at - interval '1 millisecond') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM gateway.audit_log WHERE id = $1`, [refused.id]);
    const earlier = await api.as('supervisor1', 'GET', `/supervision/audit/verify?to=${before.at}`);
    expect(earlier.body.chains[0]).toMatchObject({ ok: true, firstBrokenEntry: null });
  });
});
