import { spawnSync } from 'node:child_process';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Events, type EventEnvelope } from '#libs/contracts';
import { caseBlocks, deadLetterAudit, discardDeadLetter, listDeadLetters, newId, RpcClient, streamName } from '#libs/messaging';
import { freeBasePort } from '../support/free-ports.js';
import { reTransfer, PERSON_ID } from '../support/intake-applications.js';
import { caseWhere, eventually, idempotencyKey } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

const CONSUMING_SERVICES = ['intake', 'routing', 'approval', 'fees', 'delivery'] as const;
/** One event type each service consumes, to poison it with. */
const POISON_TYPE: Record<(typeof CONSUMING_SERVICES)[number], string> = {
  intake: Events.CaseRejected,
  routing: Events.TaskDecided,
  approval: Events.StageOpened,
  fees: Events.CaseApproved,
  delivery: Events.FeesSettled,
};

const EXPECTED_CONSUMERS = [
  'intake__routing_case_rejected_v1',
  'approval__routing_case_rejected_v1',
  'approval__routing_stage_opened_v1',
  'routing__approval_task_decided_v1',
  'fees__routing_case_approved_v1',
  'delivery__fees_case_settled_v1',
  'routing__fees_case_settled_v1',
];

/**
 * No event can take a consumer down or stall it in silence (issue #7): a poison event is retried, parked on the
 * dead-letter stream and acked; the service stays up; the case shows BLOCKED with the service and why, in the case
 * view and the supervisor's warnings; `npm run dlq -- discard` settles a letter on purpose, audited.
 */
describe('poison events', () => {
  let t: TestStack;
  let nc: NatsConnection;

  beforeAll(async () => {
    // Short retries, so five deliveries take a second, not twenty.
    t = await startTestStack({ basePort: await freeBasePort(), namespacePrefix: 'poison', env: { EVENT_RETRY_BACKOFF_MS: '50,100,150,200' } });
    nc = await connect({ servers: t.natsUrl });
  }, 120_000);

  afterAll(async () => {
    await nc?.close();
    await t?.stop();
  }, 60_000);

  async function publish(type: string, caseNo: string, data: unknown, id = newId()): Promise<void> {
    const js = jetstream(nc);
    const envelope = { id, type, caseNo, occurredAt: new Date().toISOString(), correlationId: newId(), causationId: null, actor: { id: 'test', role: 'SYSTEM' }, data };
    await js.publish(`${t.namespace}.${type}`, JSON.stringify(envelope), { msgID: id });
  }

  async function servicesHealthy(): Promise<void> {
    for (const [name, child] of t.stack.procs) expect([name, child.exitCode, child.signalCode]).toEqual([name, null, null]);
    for (const [name, port] of Object.entries(t.stack.ports)) {
      const r = await fetch(`http://127.0.0.1:${port}/health`);
      expect([name, r.status]).toEqual([name, 200]);
    }
  }

  it('a fee the fees service cannot compute (defect 2) is parked after its retries, and the case shows BLOCKED at fees', async () => {
    const accepted = await t.api.as('clerk1', 'POST', '/cases', reTransfer(), { 'Idempotency-Key': idempotencyKey() });
    expect(accepted.status).toBe(201);
    const caseNo = accepted.body.caseNo;
    // The acceptance as intake published it, but with the number that used to get past intake: 10^13 extra certificates.
    const jsm = await jetstreamManager(nc);
    const original = (await jsm.streams.getMessage(streamName(t.namespace, 'intake'), { last_by_subj: `${t.namespace}.${Events.CaseAccepted}` }))!.json<EventEnvelope<any>>();
    expect(original.caseNo).toBe(caseNo);
    // Republished under a new event id, as a producer bug would: fees prices before it stores, so it fails every time.
    const poisonCase = caseNo;
    await publish(Events.CaseAccepted, poisonCase, { ...original.data, form: { ...original.data.form, extraCertificates: 1e13 } });

    const block = await eventually(async () => (await caseBlocks(nc, t.namespace, poisonCase)).find((b) => b.service === 'fees'), 'the fees letter to be parked');
    expect(block).toMatchObject({ consumer: 'fees__intake_case_accepted_v1', eventType: Events.CaseAccepted, letters: 1 });
    expect(block.reason).toMatch(/extraCertificates/);
    // Parked once and acked: no further deliveries, nothing pending on the consumer.
    const info = await jsm.consumers.info(streamName(t.namespace, 'intake'), 'fees__intake_case_accepted_v1');
    expect([info.num_pending, info.num_ack_pending]).toEqual([0, 0]);
    const view = await caseWhere(t.api, caseNo, (c) => c.status === 'BLOCKED', 'the case view to show BLOCKED');
    expect(view.blockedBy).toEqual([expect.objectContaining({ service: 'fees', eventType: Events.CaseAccepted })]);
    await servicesHealthy();
  });

  it('each consuming service parks an event it cannot handle, stays up, and the case shows BLOCKED with the service and the reason', async () => {
    const accepted = await t.api.as('clerk1', 'POST', '/cases', reTransfer(), { 'Idempotency-Key': idempotencyKey() });
    const caseNo = accepted.body.caseNo;
    await caseWhere(t.api, caseNo, (c) => c.status === 'IN_REVIEW' && c.tasks.length === 3, 'IN_REVIEW with its tasks');

    // A malformed envelope (data is not an object) on a subject each service consumes: parked at once.
    for (const service of CONSUMING_SERVICES) await publish(POISON_TYPE[service], caseNo, 'not an object');

    const blocks = await eventually(async () => {
      const b = await caseBlocks(nc, t.namespace, caseNo);
      // Every consumer of those types, not only one per service: CaseRejected and FeesSettled have two each.
      return EXPECTED_CONSUMERS.every((c) => b.some((x) => x.consumer === c)) ? b : undefined;
    }, 'a parked letter from every consuming service');
    for (const b of blocks) expect(b.reason).toMatch(/malformed envelope: data is not an object/);

    const view = await caseWhere(t.api, caseNo, (c) => c.status === 'BLOCKED', 'the case view to show BLOCKED');
    expect(view.statusBeforeBlocked).toBe('IN_REVIEW');
    // Some types have more than one consumer (CaseRejected: intake and approval): one block per consumer.
    const services = (list: any[]) => [...new Set(list.map((b) => b.service))].sort();
    expect(services(view.blockedBy)).toEqual([...CONSUMING_SERVICES].sort());
    expect(view.blockedBy).toHaveLength(blocks.length);
    expect(view.blockedBy[0]).toEqual(expect.objectContaining({ consumer: expect.any(String), reason: expect.any(String), deadLetterSeq: expect.any(Number) }));

    const warnings = await t.api.as('supervisor1', 'GET', '/supervision/warnings?level=BLOCKED');
    expect(warnings.status).toBe(200);
    const mine = warnings.body.filter((w: any) => w.caseNo === caseNo);
    expect(services(mine.map((w: any) => w.blockedBy))).toEqual([...CONSUMING_SERVICES].sort());
    expect(mine).toHaveLength(blocks.length);
    expect(mine[0]).toMatchObject({ subject: 'CASE', level: 'BLOCKED', itemCode: 'RE-TRANSFER' });
    await servicesHealthy();

    // A person settles each letter on purpose, with a reason: the first through the operators' command, the rest
    // through the same function it calls. The block lifts and the audit stream remembers.
    const [first, ...rest] = blocks;
    const run = spawnSync(process.execPath, ['scripts/dlq.mjs', 'discard', first.consumer, String(first.seq), '--reason', '测试:格式错误的事件', '--by', 'ops1'], {
      env: { ...process.env, NATS_URL: t.natsUrl, NATS_NAMESPACE: t.namespace },
      encoding: 'utf8',
    });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toContain(`discarded #${first.seq}`);
    for (const b of rest) await discardDeadLetter(nc, t.namespace, { consumer: b.consumer, seq: b.seq, reason: '测试:格式错误的事件', by: 'ops1' });
    expect(await caseBlocks(nc, t.namespace, caseNo)).toEqual([]);
    const settled = await caseWhere(t.api, caseNo, (c) => c.status === 'IN_REVIEW', 'IN_REVIEW again once every letter is settled');
    expect(settled.blockedBy).toBeUndefined();
    const audit = (await deadLetterAudit(nc, t.namespace)).filter((a) => a.letter.event?.caseNo === caseNo);
    expect(audit.map((a) => [a.action, a.by, a.reason])).toEqual(blocks.map(() => ['DISCARDED', 'ops1', '测试:格式错误的事件']));
    expect((await listDeadLetters(nc, t.namespace)).filter((l) => l.event?.caseNo === caseNo)).toEqual([]);
  }, 120_000);

  it('an error inside a service (a NUL that PostgreSQL refuses, defect 1) is an answer, not a dead process, and its log lines carry no personal data', async () => {
    // Past the gateway's edge on purpose: straight to intake over NATS, as a buggy internal caller could.
    const rpc = new RpcClient(nc, t.namespace, 5000);
    const applicant = { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: PERSON_ID, phone: '13800138000' } as const;
    for (let i = 0; i < 3; i++) {
      const answer = await rpc
        .request('rpc.intake.refusal.create', { actor: { id: 'clerk1', role: 'CLERK' }, data: { itemCode: 'RE-TRANSFER', centerCode: '510704-C01', applicant, reason: 'a\u0000b' } })
        .then(
          () => 'ok',
          (e) => e.status,
        );
      expect(answer).toBe(500);
    }
    // And at the edge the same request is a 400 listing the problem.
    const edge = await t.api.as('clerk1', 'POST', '/refusals', { itemCode: 'RE-TRANSFER', centerCode: '510704-C01', applicant, reason: 'a\u0000b' });
    expect(edge.status).toBe(400);
    expect(edge.body.problems).toEqual([expect.objectContaining({ field: 'body.reason', rule: 'text' })]);
    await servicesHealthy();
    const output = t.logs().join('\n');
    expect(output).toMatch(/rpc\.intake\.refusal\.create failed/);
    expect(output).not.toContain(PERSON_ID);
    expect(output).not.toContain('13800138000');
    expect(output).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(output).not.toMatch(/(?<![0-9A-Z])\d{17}[\dXx](?![0-9A-Za-z])/);
  });
});
