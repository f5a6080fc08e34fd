import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeliveryModule } from '../../apps/delivery/src/delivery.module.js';
import { Events, type Actor, type EventEnvelope, type FeesSettledData } from '#libs/contracts';
import { ofType, startOneService, type OneService } from '../support/one-service.js';
import { reTransferAccepted, testCaseNo } from '../support/upstream-events.js';
import { PERSON_ID } from '../support/intake-applications.js';

const clerk: Actor = { id: 'clerk1', role: 'CLERK' };
const finance: Actor = { id: 'finance1', role: 'FINANCE' };
const settled: FeesSettledData = { reason: 'PAID', noticeNo: 'PN20261123000001', totalFen: 9000 };
const PHONE = '13800138000';

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts delivery with these NOTIFY_* settings (loadConfig reads them from the environment). */
async function startDelivery(env: Record<string, string>): Promise<OneService> {
  const saved = { ...process.env };
  Object.assign(process.env, { NOTIFY_POLL_MS: '50', NOTIFY_RETRY_MS: '50', ...env });
  try {
    return await startOneService('delivery', (config) => DeliveryModule.register(config));
  } finally {
    process.env = saved;
  }
}

/**
 * The notify module of delivery on its own (one-service style): upstream events in on JetStream, notifications out
 * to the file sink or a fake SMS gateway on 127.0.0.1, and delivery.notification.sent.v1 in the outbox.
 */
describe('notifications to the applicant', () => {
  describe('file sink', () => {
    let svc: OneService;
    let dir: string;
    let file: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ow-notify-'));
      file = join(dir, 'notifications.jsonl');
      svc = await startDelivery({ NOTIFY_SINK: 'file', NOTIFY_FILE: file });
    }, 60_000);

    afterAll(async () => {
      await svc?.stop();
      await rm(dir, { recursive: true, force: true });
    }, 30_000);

    const lines = async (caseNo: string): Promise<any[]> =>
      (await readFile(file, 'utf8').catch(() => ''))
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l))
        .filter((l) => l.caseNo === caseNo);
    const rows = (caseNo: string): Promise<{ template: string; status: string; cause_event_id: string }[]> =>
      svc.ds.query(`SELECT template, status, cause_event_id FROM delivery.notifications WHERE case_no = $1 ORDER BY created_at`, [caseNo]);

    it('tells the applicant once per cause, even when the event comes again past the inbox, with the pickup code in the sink only', async () => {
      const caseNo = testCaseNo();
      const accepted = svc.event(Events.CaseAccepted, caseNo, reTransferAccepted({ delivery: { method: 'WINDOW' } }), clerk);
      await svc.deliver(accepted, svc.event(Events.FeesSettled, caseNo, settled, finance));

      // delivery's own DeliveryReady goes out through its outbox and comes back to its notify module.
      const sent = await until('both notifications in the sink', async () => {
        const l = await lines(caseNo);
        return l.length >= 2 ? l : undefined;
      });
      expect(sent.map((l) => l.template).sort()).toEqual(['CASE_ACCEPTED', 'RESULT_READY_WINDOW']);
      const ready = sent.find((l) => l.template === 'RESULT_READY_WINDOW');
      const [{ pickup_code: code }] = await svc.ds.query(`SELECT pickup_code FROM delivery.deliveries WHERE case_no = $1`, [caseNo]);
      expect(code).toMatch(/^\d{6}$/);
      expect(ready.text).toContain(`取件码${code}`);
      expect(sent.find((l) => l.template === 'CASE_ACCEPTED').text).toMatch(/承诺于\d{4}-\d\d-\d\d \d\d:\d\d:\d\d前办结/);
      // Phone masked in every line; no name, no ID number.
      for (const l of sent) {
        expect(l.phone).toBe('138****8000');
        expect(JSON.stringify(l)).not.toContain(PHONE);
        expect(JSON.stringify(l)).not.toContain(PERSON_ID);
        expect(JSON.stringify(l)).not.toContain('张三');
      }

      // The same events again: once as a redelivery the inbox turns away, once with the inbox row gone, so only the
      // notification's unique key (cause event, template) stands between it and a second message.
      const readyEvent = ofType(await svc.emitted(caseNo), Events.DeliveryReady)[0] as EventEnvelope;
      expect((await svc.redeliver(accepted)).skippedByInbox).toBe(true);
      await svc.ds.query(`DELETE FROM delivery.inbox WHERE event_id = ANY($1::uuid[])`, [[accepted.id, readyEvent.id]]);
      expect((await svc.redeliver(accepted)).skippedByInbox).toBe(false);
      expect((await svc.redeliver(readyEvent)).skippedByInbox).toBe(false);
      await new Promise((r) => setTimeout(r, 400)); // several sender ticks
      expect((await rows(caseNo)).map((r) => [r.template, r.status])).toEqual([
        ['CASE_ACCEPTED', 'SENT'],
        ['RESULT_READY_WINDOW', 'SENT'],
      ]);
      expect(await lines(caseNo)).toHaveLength(2);

      // Each outcome is on the timeline once: template and outcome, no phone, no text (so no pickup code).
      const outcomes = ofType(await svc.emitted(caseNo), Events.NotificationSent);
      expect(outcomes.map((e) => [e.data.template, e.data.outcome, e.data.channel]).sort()).toEqual([
        ['CASE_ACCEPTED', 'SENT', 'FILE'],
        ['RESULT_READY_WINDOW', 'SENT', 'FILE'],
      ]);
      expect(JSON.stringify(outcomes)).not.toContain(code);
      expect(JSON.stringify(outcomes)).not.toContain(PHONE);
    }, 60_000);

    it('waits for the acceptance when a later event overtakes it, then tells both', async () => {
      const caseNo = testCaseNo();
      const suspended = svc.event(Events.CaseSuspended, caseNo, {
        taskId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b',
        stage: 1,
        department: 'HUD',
        requested: [{ code: 'M02', name: '房屋买卖合同' }],
        reason: '合同页缺签字',
      });
      const [seq] = await svc.publish(suspended);
      await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted(), clerk));
      await svc.handled(Events.CaseSuspended, seq);
      const sent = await until('two lines', async () => {
        const l = await lines(caseNo);
        return l.length >= 2 ? l : undefined;
      });
      expect(sent.find((l) => l.template === 'SUPPLEMENT_REQUESTED').text).toContain('需补正材料：房屋买卖合同');
    }, 30_000);
  });

  describe('SMS gateway over HTTP', () => {
    let svc: OneService;
    let server: Server;
    const received: { headers: IncomingHttpHeaders; body: any }[] = [];
    let failNext = 1;

    beforeAll(async () => {
      // A fake SMS provider on 127.0.0.1: the first request fails (503), the others are accepted.
      server = createServer((req, res) => {
        let raw = '';
        req.on('data', (c) => (raw += c));
        req.on('end', () => {
          received.push({ headers: req.headers, body: JSON.parse(raw) });
          res.statusCode = failNext-- > 0 ? 503 : 200;
          res.end('{}');
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const { port } = server.address() as { port: number };
      svc = await startDelivery({ NOTIFY_SINK: 'sms', NOTIFY_SMS_URL: `http://127.0.0.1:${port}/sms`, NOTIFY_SMS_KEY: 'test-key-123' });
    }, 60_000);

    afterAll(async () => {
      await svc?.stop();
      await new Promise((r) => server?.close(r));
    }, 30_000);

    it('posts the full number with the key, retries a failed try, and tells the outcome once', async () => {
      const caseNo = testCaseNo();
      await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted(), clerk));
      const [row] = await until('the notification SENT', async () => {
        const r = await svc.ds.query(`SELECT id, status, attempts, channel FROM delivery.notifications WHERE case_no = $1`, [caseNo]);
        return r[0]?.status === 'SENT' ? r : undefined;
      });
      expect(row).toMatchObject({ status: 'SENT', attempts: 2, channel: 'SMS' });
      const mine = received.filter((r) => r.body.reference === row.id);
      expect(mine).toHaveLength(2);
      expect(mine[1].headers['x-api-key']).toBe('test-key-123');
      expect(mine[1].headers['idempotency-key']).toBe(row.id);
      expect(mine[1].body).toMatchObject({ to: PHONE, template: 'CASE_ACCEPTED' });
      const outcomes = ofType(await svc.emitted(caseNo), Events.NotificationSent);
      expect(outcomes.map((e) => e.data)).toEqual([
        { notificationId: row.id, template: 'CASE_ACCEPTED', cause: Events.CaseAccepted, channel: 'SMS', outcome: 'SENT', attempts: 2 },
      ]);
    }, 30_000);
  });
});
