import { createPublicKey, verify } from 'node:crypto';
import { validUntil } from '../../apps/delivery/src/certificate/certificate-signing.js';
import { DeliveryModule } from '../../apps/delivery/src/delivery.module.js';
import { mod11_2 } from '#libs/checks';
import { ErrorCodes, Events, Rpc, type Actor, type CertificatePayload, type FeesSettledData } from '#libs/contracts';
import { ofType, startOneService, type OneService } from '../support/one-service.js';
import { PERSON_ID } from '../support/intake-applications.js';
import { reTransferAccepted, testCaseNo } from '../support/upstream-events.js';

/**
 * Certificates (证照) in the delivery service on its own: numbered and signed at issuance, issued once under
 * redelivery, verified (VALID, REVOKED, UNKNOWN; a scanned payload's signature), revoked by an administrator.
 */
describe('certificates, driven through delivery', () => {
  let svc: OneService;
  const clerk: Actor = { id: 'clerk1', role: 'CLERK' };
  const finance: Actor = { id: 'finance1', role: 'FINANCE' };
  const admin: Actor = { id: 'admin', role: 'ADMIN' };
  const settledData: FeesSettledData = { reason: 'PAID', noticeNo: 'PN20261123000001', totalFen: 9000 };
  const results = [
    { department: 'NRB', name: '不动产权证书' },
    { department: 'SAMR', name: '食品经营许可证', validityYears: 5 },
  ];

  beforeAll(async () => {
    svc = await startOneService('delivery', (config) => DeliveryModule.register(config));
  }, 60_000);

  afterAll(async () => {
    await svc?.stop();
  }, 30_000);

  async function issuedCase() {
    const caseNo = testCaseNo();
    const settled = svc.event(Events.FeesSettled, caseNo, settledData, finance);
    await svc.deliver(svc.event(Events.CaseAccepted, caseNo, reTransferAccepted({ results }), clerk), settled);
    const rows: { certificate_no: string; name: string; signed_payload: string }[] = await svc.ds.query(
      `SELECT certificate_no, name, signed_payload FROM delivery.certificates WHERE case_no = $1 ORDER BY result_index`,
      [caseNo],
    );
    return { caseNo, settled, rows };
  }

  const verifyNo = (certificateNo: string, payload?: string) =>
    svc.rpc.request(Rpc.delivery.verifyCertificate, payload === undefined ? { certificateNo } : { certificateNo, payload });

  it('numbers one certificate per result, per result type with a check character, and signs what it says', async () => {
    const { caseNo, rows } = await issuedCase();
    expect(rows.map((r) => r.name)).toEqual(['不动产权证书', '食品经营许可证']);
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
    for (const [i, r] of rows.entries()) {
      const m = /^([A-Z]+)-(\d{13})([\dX])$/.exec(r.certificate_no)!;
      expect(m[1]).toBe(results[i].department);
      expect(m[2].slice(0, 4)).toBe(String(year));
      expect(mod11_2(m[2])).toBe(m[3]);
    }
    const { certificates } = ofType(await svc.emitted(caseNo), Events.CertificatesIssued)[0].data;
    expect(certificates).toEqual(rows.map((r, i) => ({ certificateNo: r.certificate_no, name: r.name, department: results[i].department })));

    // Offline: the published key verifies the payload's bytes as they are, and they say what the certificate says.
    const key = await svc.rpc.request(Rpc.delivery.certificatePublicKey, {});
    const [body, sig] = rows[1].signed_payload.split('.');
    expect(verify(null, Buffer.from(body, 'base64url'), createPublicKey(key.pem), Buffer.from(sig, 'base64url'))).toBe(true);
    expect(verify(null, Buffer.from(body, 'base64url'), createPublicKey({ key: key.jwk, format: 'jwk' }), Buffer.from(sig, 'base64url'))).toBe(true);
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CertificatePayload;
    expect(payload).toMatchObject({ v: 1, kid: key.kid, no: rows[1].certificate_no, name: '食品经营许可证', item: 'RE-TRANSFER', dept: 'SAMR', holder: { name: '张*', id: '1101**********002X' } });
    // Five years from the issue day: its last valid day is the day before the fifth anniversary.
    expect(payload.validUntil).toBe(validUntil(payload.issued, 5));
    expect(JSON.parse(Buffer.from(rows[0].signed_payload.split('.')[0], 'base64url').toString('utf8'))).not.toHaveProperty('validUntil');
    expect(JSON.stringify(payload)).not.toContain(PERSON_ID);

    // Two certificates of the same type for two cases: consecutive numbers.
    const next = await issuedCase();
    expect(Number(next.rows[0].certificate_no.slice(-7, -1))).toBe(Number(rows[0].certificate_no.slice(-7, -1)) + 1);
  });

  it('issues exactly once: a redelivered FeesSettled, and a second settlement event, add no certificate and emit nothing', async () => {
    const { caseNo, settled, rows } = await issuedCase();
    expect(await svc.redeliver(settled)).toEqual({ skippedByInbox: true });
    await svc.deliver(svc.event(Events.FeesSettled, caseNo, settledData, finance));
    const [{ n }] = await svc.ds.query(`SELECT count(*)::int AS n FROM delivery.certificates WHERE case_no = $1`, [caseNo]);
    expect(n).toBe(rows.length);
    expect((await svc.emitted(caseNo)).map((e) => e.type)).toEqual([Events.CertificatesIssued, Events.DeliveryReady]);
  });

  it('verifies VALID with the holder masked, then REVOKED after an administrator revokes it, on the timeline once', async () => {
    const { caseNo, rows } = await issuedCase();
    const no = rows[1].certificate_no;
    const valid = await verifyNo(no);
    expect(valid).toMatchObject({ status: 'VALID', certificateNo: no, name: '食品经营许可证', department: 'SAMR', holder: { name: '张*', idNumber: '1101**********002X' } });
    expect(valid.issuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(valid.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const raw = JSON.stringify(valid);
    expect(raw).not.toContain(PERSON_ID);
    expect(raw).not.toContain('13800138000');
    expect(raw).not.toContain('张三');

    await expect(svc.rpc.request(Rpc.delivery.revokeCertificate, { actor: clerk, data: { certificateNo: no, reason: '撤销' } })).rejects.toMatchObject({ status: 403 });
    await expect(svc.rpc.request(Rpc.delivery.revokeCertificate, { actor: admin, data: { certificateNo: no, reason: '  ' } })).rejects.toMatchObject({ status: 422 });
    const revoked = await svc.rpc.request(Rpc.delivery.revokeCertificate, { actor: admin, data: { certificateNo: no, reason: '申请人以欺骗手段取得许可，依法撤销' } });
    expect(revoked).toMatchObject({ status: 'REVOKED', revokedBy: 'admin', revokeReason: '申请人以欺骗手段取得许可，依法撤销' });
    expect(await verifyNo(no)).toMatchObject({ status: 'REVOKED', certificateNo: no, revokedAt: expect.stringMatching(/\+08:00$/) });
    // The other certificate of the case is untouched.
    expect(await verifyNo(rows[0].certificate_no)).toMatchObject({ status: 'VALID' });

    await expect(svc.rpc.request(Rpc.delivery.revokeCertificate, { actor: admin, data: { certificateNo: no, reason: '再次撤销' } })).rejects.toMatchObject({
      status: 409,
      code: ErrorCodes.CERTIFICATE_ALREADY_REVOKED,
    });
    const emitted = ofType(await svc.emitted(caseNo), Events.CertificateRevoked);
    expect(emitted.map((e) => e.data)).toEqual([{ certificateNo: no, name: '食品经营许可证', department: 'SAMR', reason: '申请人以欺骗手段取得许可，依法撤销' }]);
    expect(emitted[0].actor).toMatchObject(admin);
  });

  it('answers UNKNOWN for a number never issued or not a number at all, and 404 to print or revoke one', async () => {
    expect(await verifyNo('SAMR-20260010999990')).toEqual({ status: 'UNKNOWN', certificateNo: 'SAMR-20260010999990' });
    expect(await verifyNo('not a number')).toEqual({ status: 'UNKNOWN', certificateNo: 'not a number' });
    await expect(svc.rpc.request(Rpc.delivery.getCertificate, { certificateNo: 'SAMR-20260010999990' })).rejects.toMatchObject({
      status: 404,
      code: ErrorCodes.CERTIFICATE_NOT_FOUND,
    });
    await expect(svc.rpc.request(Rpc.delivery.revokeCertificate, { actor: admin, data: { certificateNo: 'SAMR-20260010999990', reason: '撤销' } })).rejects.toMatchObject({
      status: 404,
    });
  });

  it("checks a scanned payload: GOOD as issued; tampered, another certificate's or malformed → 422 naming the problem", async () => {
    const { rows } = await issuedCase();
    const [a, b] = rows;
    expect(await verifyNo(a.certificate_no, a.signed_payload)).toMatchObject({ status: 'VALID', signature: 'GOOD' });

    const [body, sig] = a.signed_payload.split('.');
    const json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = `${Buffer.from(JSON.stringify({ ...json, holder: { name: '李*', id: json.holder.id } })).toString('base64url')}.${sig}`;
    const problem = (p: Promise<unknown>) => p.then(() => undefined, (e: { status: number; code: string; details: { problems: { rule: string }[] } }) => [e.status, e.code, e.details.problems.map((x) => x.rule)]);
    expect(await problem(verifyNo(a.certificate_no, forged))).toEqual([422, ErrorCodes.CERTIFICATE_PAYLOAD_INVALID, ['signature']]);
    expect(await problem(verifyNo(a.certificate_no, b.signed_payload))).toEqual([422, ErrorCodes.CERTIFICATE_PAYLOAD_INVALID, ['certificateNo']]);
    expect(await problem(verifyNo(a.certificate_no, 'not-a-payload'))).toEqual([422, ErrorCodes.CERTIFICATE_PAYLOAD_INVALID, ['matches']]);
  });

  it('gives staff the certificate to print: holder name in full, ID number masked, the signed payload', async () => {
    const { caseNo, rows } = await issuedCase();
    const view = await svc.rpc.request(Rpc.delivery.getCertificate, { certificateNo: rows[1].certificate_no });
    expect(view).toMatchObject({ caseNo, name: '食品经营许可证', itemCode: 'RE-TRANSFER', department: 'SAMR', status: 'VALID', holder: { name: '张三', idNumberMasked: '1101**********002X' }, signedPayload: rows[1].signed_payload });
    expect(JSON.stringify(view)).not.toContain(PERSON_ID);
  });
});
