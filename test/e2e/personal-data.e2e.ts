import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { freeBasePort } from '../support/free-ports.js';
import { PERSON_ID, reTransfer, sealFiling } from '../support/intake-applications.js';
import { accept, decide } from '../support/flows.js';
import { Api, caseWhere } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

/**
 * 个人信息保护法 (#11): one full lifecycle (accepted → approved by three departments → paid → collected at the window
 * with the ID number) and one courier case, then every log line of the run, every message body in every JetStream
 * stream of the stack's namespace and every row of every table of the six schemas are searched for the applicant's
 * full ID number, phones and address: none is there (sealed values and keyed hashes do not match them).
 * The stack runs with configured keys (PII_KEYS, an old key listed after the current one), not the development keys.
 */
describe('personal data: encrypted at rest, kept out of events and logs', () => {
  let t: TestStack;
  let api: Api;
  const APPLICANT_PHONE = '13712345678';
  const COURIER_PHONE = '13687654321';
  const ADDRESS_DETAIL = '隐私路 77 号';
  const secrets = [PERSON_ID, PERSON_ID.toLowerCase(), APPLICANT_PHONE, COURIER_PHONE, ADDRESS_DETAIL];
  const found = (text: string) => secrets.filter((s) => text.includes(s));

  beforeAll(async () => {
    const key = () => randomBytes(32).toString('base64');
    t = await startTestStack({
      basePort: await freeBasePort(),
      namespacePrefix: 'pii_e2e',
      env: { PII_KEYS: `k2:${key()},k1:${key()},lookup:${key()}`, LOG_LEVEL: 'debug' },
    });
    api = t.api;
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  it('a full lifecycle and a courier case leave no full ID number, phone or address in logs, events or tables', async () => {
    // RE-TRANSFER, collected at the window: intake seals, delivery opens the sealed event, the pickup checks the ID by HMAC.
    const applicant = { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: PERSON_ID, phone: APPLICANT_PHONE };
    const c = await accept(api, reTransfer({ applicant, delivery: { method: 'WINDOW' } }));
    await Promise.all(['rep.hud', 'rep.tax', 'rep.nrb'].map((rep) => decide(api, rep, c.caseNo)));
    const awaiting = await caseWhere(api, c.caseNo, (x) => x.status === 'AWAITING_PAYMENT' && x.paymentNotice, 'its payment notice');
    const notice = awaiting.paymentNotice;
    const paid = await api.as('finance1', 'POST', `/payment-notices/${notice.noticeNo}/payments`, { amountFen: notice.totalFen, channel: 'POS', reference: `POS-${c.caseNo}` });
    expect([200, 201]).toContain(paid.status);
    const ready = await caseWhere(api, c.caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.deliveries.length > 0, 'its delivery');
    const pickupCode = await t.pickupCode(c.caseNo);
    const deliveryId = ready.deliveries[0].deliveryId;
    const wrong = await api.as('clerk1', 'POST', `/deliveries/${deliveryId}/pickup`, { pickupCode, idNumber: '110105194912310038' });
    expect(wrong.status).toBe(422);
    const picked = await api.as('clerk1', 'POST', `/deliveries/${deliveryId}/pickup`, { pickupCode, idNumber: PERSON_ID.toLowerCase() });
    expect(picked.status).toBe(200);
    await caseWhere(api, c.caseNo, (x) => x.status === 'DELIVERED', 'DELIVERED');
    // The public status check compares the ID's tail with the decrypted value.
    const progress = await api.as(null, 'GET', `/public/cases/${c.caseNo}?idTail=${PERSON_ID.slice(-6)}`);
    expect(progress.status).toBe(200);

    // A courier delivery with a phone and an address of its own, opened for the desk that needs them.
    const postalAddress = { province: '四川省', city: '绵阳市', district: '游仙区', detail: ADDRESS_DETAIL };
    const courier = await accept(api, sealFiling({ decision: 'APPROVE', opinion: '准予备案' }, { delivery: { method: 'COURIER', recipient: '张三', phone: COURIER_PHONE, postalAddress } }), 'rep.psb');
    const courierReady = await caseWhere(api, courier.caseNo, (x) => x.status === 'READY_FOR_DELIVERY' && x.deliveries.length > 0, 'its courier delivery');
    expect(courierReady.deliveries[0]).toMatchObject({ phone: '136****4321', address: `四川省绵阳市游仙区${ADDRESS_DETAIL}` });
    // The receipt reads the case back through the decrypting repository.
    expect((await api.as('clerk1', 'GET', `/cases/${c.caseNo}/receipt`)).status).toBe(200);
    await t.pickupCode(c.caseNo); // notifications of both cases are queued and sent by now

    // Tables: every row of every table in the six schemas, as text.
    const db = await t.db();
    const tables = (
      await db.query(
        `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
          WHERE table_schema IN ('intake', 'routing', 'approval', 'fees', 'delivery', 'gateway') AND table_type = 'BASE TABLE'`,
      )
    ).rows.map((r) => r.t as string);
    expect(tables).toEqual(expect.arrayContaining(['intake.cases', 'delivery.deliveries', 'delivery.notify_recipients', 'delivery.case_profiles']));
    const leaks: string[] = [];
    for (const table of tables) {
      const rows = (await db.query(`SELECT x::text AS row FROM ${table} x`)).rows as { row: string }[];
      for (const r of rows) if (found(r.row).length) leaks.push(`${table}: ${found(r.row).join(', ')}`);
    }
    expect(leaks).toEqual([]);
    // The columns hold sealed values under the current key, and the pickup hash is keyed.
    const [kase] = (await db.query(`SELECT applicant, delivery FROM intake.cases WHERE case_no = $1`, [courier.caseNo])).rows;
    expect(kase.applicant).toMatchObject({ idNumber: expect.stringMatching(/^v1\.k2\./), phone: expect.stringMatching(/^v1\.k2\./) });
    expect(kase.delivery).toMatchObject({ phone: expect.stringMatching(/^v1\.k2\./), postalAddress: expect.stringMatching(/^v1\.k2\./) });
    const [profile] = (await db.query(`SELECT id_hash FROM delivery.case_profiles WHERE case_no = $1`, [c.caseNo])).rows;
    expect(profile.id_hash).toMatch(/^h1\.[0-9a-f]{64}$/);
    const [row] = (await db.query(`SELECT phone, address, postal_address FROM delivery.deliveries WHERE case_no = $1`, [courier.caseNo])).rows;
    expect([row.phone, row.address, row.postal_address]).toEqual([expect.stringMatching(/^v1\.k2\./), expect.stringMatching(/^v1\.k2\./), expect.stringMatching(/^v1\.k2\./)]);
    const phones = (await db.query(`SELECT phone FROM delivery.notify_recipients UNION ALL SELECT phone FROM delivery.notifications`)).rows;
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p.phone).toMatch(/^v1\.k2\./);

    // JetStream: every message of every stream of this namespace (events, dead letters, their audit).
    const nc = await connect({ servers: t.natsUrl });
    try {
      const jsm = await jetstreamManager(nc);
      let messages = 0;
      const accepted: string[] = [];
      for await (const si of jsm.streams.list()) {
        if (!si.config.subjects?.some((s) => s.startsWith(`${t.namespace}.`))) continue;
        for (let seq = si.state.first_seq; seq <= si.state.last_seq && si.state.messages > 0; seq++) {
          const m = await jsm.streams.getMessage(si.config.name, { seq }).catch(() => undefined);
          if (!m) continue;
          messages++;
          const body = new TextDecoder().decode(m.data);
          if (found(body).length) leaks.push(`${si.config.name} #${seq} ${m.subject}: ${found(body).join(', ')}`);
          if (m.subject.endsWith('intake.case.accepted.v1')) accepted.push(body);
        }
      }
      expect(messages).toBeGreaterThan(10);
      expect(leaks).toEqual([]);
      // The acceptance event carries the applicant's type in clear and the rest sealed, for delivery.
      expect(accepted).toHaveLength(2);
      for (const body of accepted) {
        const data = JSON.parse(body).data;
        expect(Object.keys(data.applicant)).toEqual(['type']);
        expect(data.sealedPersonalData).toMatch(/^v1\.k2\./);
      }
    } finally {
      await nc.close();
    }

    // Logs: every line every service wrote during the run (LOG_LEVEL=debug).
    const lines = t.logs();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => found(l).length)).toEqual([]);
  }, 120_000);
});
