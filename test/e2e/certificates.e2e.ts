import { createPublicKey, verify } from 'node:crypto';
import { mod11_2 } from '#libs/checks';
import { accept, decide } from '../support/flows.js';
import { foodBiz, PERSON_ID } from '../support/intake-applications.js';
import { Api, caseWhere, eventually, idempotencyKey } from './support/api.js';
import { startTestStack, type TestStack } from './support/stack.js';

/**
 * 证照 over HTTP through all six services: a FOOD-BIZ licence (fee-free, valid 5 years) is numbered and signed when
 * the case is approved; anyone verifies it online (VALID, the holder masked) or offline with the published key; staff
 * print it with the payload as a QR code; an administrator revokes it and verification says REVOKED, on the timeline.
 */
describe('certificates, end to end', () => {
  let t: TestStack;
  let api: Api;

  beforeAll(async () => {
    t = await startTestStack({ namespacePrefix: 'certs' });
    api = t.api;
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  }, 60_000);

  it('issues a signed licence that verifies online and offline, prints it, revokes it, and never shows the full ID number', async () => {
    const { caseNo } = await accept(api, foodBiz());
    await decide(api, 'rep.samr', caseNo, 'APPROVE');
    const view = await caseWhere(api, caseNo, (v) => v.deliveries?.[0]?.certificates?.length, 'its certificate');
    const [certificate] = view.deliveries[0].certificates;
    expect(certificate).toMatchObject({ name: '食品经营许可证', department: 'SAMR' });
    const m = /^SAMR-(\d{13})([\dX])$/.exec(certificate.certificateNo)!;
    expect(mod11_2(m[1])).toBe(m[2]);
    const no: string = certificate.certificateNo;

    // Online, no login: VALID, the holder masked; the raw answer holds neither the ID number nor the phone nor the name.
    const res = await fetch(`${api.baseUrl}/api/v1/public/certificates/${no}/verify`);
    const raw = await res.text();
    expect(res.status).toBe(200);
    const valid = JSON.parse(raw);
    expect(valid).toMatchObject({ status: 'VALID', certificateNo: no, name: '食品经营许可证', itemName: expect.any(String), department: 'SAMR', holder: { name: '李*', idNumber: '1101**********002X' } });
    expect(valid.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const secret of [PERSON_ID, '13812345678', '李四']) expect(raw).not.toContain(secret);

    // Offline: the payload (what the QR code holds) verifies with the published key alone.
    const key = await api.as(null, 'GET', '/certificates/public-key');
    expect(key.status).toBe(200);
    expect(key.body.jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: key.body.kid });
    const printed = await api.as('clerk1', 'GET', `/certificates/${no}/print`);
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toMatch(/^text\/html/);
    expect(printed.body).toContain('<svg');
    expect(printed.body).not.toContain(PERSON_ID);
    const staffView = await t.db().then(async (db) => {
      const { rows } = await db.query(`SELECT signed_payload FROM delivery.certificates WHERE certificate_no = $1`, [no]);
      return rows[0].signed_payload as string;
    });
    const [body, sig] = staffView.split('.');
    expect(verify(null, Buffer.from(body, 'base64url'), createPublicKey(key.body.pem), Buffer.from(sig, 'base64url'))).toBe(true);
    expect(JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))).toMatchObject({ no, kid: key.body.kid, item: 'FOOD-BIZ', dept: 'SAMR', validUntil: valid.validUntil });
    const good = await api.as(null, 'GET', `/public/certificates/${no}/verify?payload=${staffView}`);
    expect(good.body).toMatchObject({ status: 'VALID', signature: 'GOOD' });
    const tampered = `${Buffer.from(Buffer.from(body, 'base64url').toString('utf8').replace('"SAMR"', '"PSB"')).toString('base64url')}.${sig}`;
    const refused = await api.as(null, 'GET', `/public/certificates/${no}/verify?payload=${tampered}`);
    expect([refused.status, refused.body.code, refused.body.problems?.[0]?.rule]).toEqual([422, 'CERTIFICATE.PAYLOAD_INVALID', 'signature']);

    // A made-up number: UNKNOWN. Printing needs a login; revoking needs ADMIN.
    expect((await api.as(null, 'GET', '/public/certificates/SAMR-20990010000001/verify')).body).toEqual({ status: 'UNKNOWN', certificateNo: 'SAMR-20990010000001' });
    expect((await api.as(null, 'GET', `/certificates/${no}/print`)).status).toBe(401);
    expect((await api.as('clerk1', 'POST', `/certificates/${no}/revoke`, { reason: '撤销' }, { 'Idempotency-Key': idempotencyKey() })).status).toBe(403);

    const revoked = await api.as('admin', 'POST', `/certificates/${no}/revoke`, { reason: '申请人以欺骗手段取得许可，依法撤销' }, { 'Idempotency-Key': idempotencyKey() });
    expect([revoked.status, revoked.body.status]).toEqual([200, 'REVOKED']);
    expect((await api.as(null, 'GET', `/public/certificates/${no}/verify`)).body).toMatchObject({ status: 'REVOKED', revokedAt: expect.stringMatching(/\+08:00$/) });
    const again = await api.as('admin', 'POST', `/certificates/${no}/revoke`, { reason: '再次' }, { 'Idempotency-Key': idempotencyKey() });
    expect([again.status, again.body.code]).toEqual([409, 'CERTIFICATE.ALREADY_REVOKED']);

    const timeline = await eventually(async () => {
      const r = await api.as('supervisor1', 'GET', `/cases/${caseNo}/timeline`);
      return r.body.find?.((e: { type: string }) => e.type === 'delivery.certificate.revoked.v1') ? r.body : undefined;
    }, 'the revocation on the timeline');
    expect(timeline.find((e: { type: string }) => e.type === 'delivery.certificate.revoked.v1')).toMatchObject({
      actor: expect.objectContaining({ id: 'admin' }),
      data: { certificateNo: no, name: '食品经营许可证', department: 'SAMR', reason: '申请人以欺骗手段取得许可，依法撤销' },
    });
  });
});
