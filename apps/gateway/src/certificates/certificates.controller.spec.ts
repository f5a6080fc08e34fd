import type { StreamableFile } from '@nestjs/common';
import { CaseAccess } from '../access/case-access.js';
import { Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { Rpc, type Actor, type CertificateView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator.js';
import { UsersRepository } from '../auth/users.repository.js';
import { CertificatesController } from './certificates.controller.js';
import { PublicCertificatesController } from './public-certificates.controller.js';

const certificate: CertificateView = {
  certificateNo: 'SAMR-20260010000427',
  caseNo: '510704202612020001X',
  name: '食品经营许可证',
  itemCode: 'FOOD-BIZ',
  itemName: '食品经营许可',
  department: 'SAMR',
  holder: { name: '张三', idNumberMasked: '1101**********002X' },
  status: 'VALID',
  issuedAt: '2026-12-02T10:15:00+08:00',
  validUntil: '2031-12-01',
  signedPayload: 'eyJ2IjoxfQ.c2lnbmF0dXJl',
};

function controller(view: CertificateView = certificate) {
  const calls: unknown[][] = [];
  const rpc = { request: async (...args: unknown[]) => (calls.push(args), view) } as unknown as RpcClient;
  const users = { find: async () => ({ displayName: 'Window 1' }) } as unknown as UsersRepository;
  const access = { allows: async () => true } as unknown as CaseAccess;
  return { ctl: new CertificatesController(rpc, users, access), calls };
}

async function body(file: StreamableFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of file.getStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const actor: Actor = { id: 'clerk1', role: 'CLERK' };

describe('certificates in the gateway', () => {
  it('prints for staff, revokes for ADMIN only, publishes the key and verifies without a login', () => {
    const r = new Reflector();
    expect(r.get(ROLES_KEY, CertificatesController.prototype.print)).toEqual(['CLERK', 'COURIER', 'SUPERVISOR', 'ADMIN']);
    expect(r.get(ROLES_KEY, CertificatesController.prototype.revoke)).toEqual(['ADMIN']);
    expect(r.get(PUBLIC_KEY, CertificatesController.prototype.publicKey)).toBe(true);
    expect(r.get(PUBLIC_KEY, CertificatesController.prototype.print)).toBeUndefined();
    expect(r.get(PUBLIC_KEY, PublicCertificatesController)).toBe(true);
  });

  it('prints the certificate as HTML with the signed payload as a QR code, the ID number masked', async () => {
    const { ctl, calls } = controller();
    const file = await ctl.print({ certificateNo: certificate.certificateNo }, {}, actor, { user: { username: actor.id, centers: [] }, actor }, 'corr-1');
    expect(calls[0]).toEqual([Rpc.delivery.getCertificate, { certificateNo: certificate.certificateNo }, { correlationId: 'corr-1' }]);
    expect(file.getHeaders().type).toBe('text/html; charset=utf-8');
    const html = (await body(file)).toString('utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('食品经营许可证');
    expect(html).toContain('1101**********002X');
    expect(html).toContain('2031年12月01日');
    expect(html).not.toContain('已撤销');
  });

  it('marks a revoked certificate, escapes what people typed, and answers a PDF with ?format=pdf', async () => {
    const { ctl } = controller({ ...certificate, status: 'REVOKED', revokedAt: '2026-12-03T09:00:00+08:00', revokeReason: '<script>x</script>' });
    const html = (await body(await ctl.print({ certificateNo: certificate.certificateNo }, {}, actor, { user: { username: actor.id, centers: [] }, actor }, 'c'))).toString('utf8');
    expect(html).toContain('已撤销');
    expect(html).not.toContain('<script>x');
    const pdf = await ctl.print({ certificateNo: certificate.certificateNo }, { format: 'pdf' }, actor, { user: { username: actor.id, centers: [] }, actor }, 'c');
    expect(pdf.getHeaders().type).toBe('application/pdf');
    expect((await body(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('sends the revocation as the admin\'s command', async () => {
    const { ctl, calls } = controller();
    const admin: Actor = { id: 'admin', role: 'ADMIN' };
    await ctl.revoke({ certificateNo: certificate.certificateNo }, { reason: '依法撤销' }, admin, 'corr-2');
    expect(calls[0]).toEqual([Rpc.delivery.revokeCertificate, { actor: admin, data: { certificateNo: certificate.certificateNo, reason: '依法撤销' } }, { correlationId: 'corr-2' }]);
  });

  it('is documented in OpenAPI', async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [CertificatesController, PublicCertificatesController],
      providers: [
        { provide: RpcClient, useValue: {} },
        { provide: UsersRepository, useValue: {} },
        { provide: CaseAccess, useValue: {} },
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/certificates/public-key',
      '/certificates/{certificateNo}/print',
      '/certificates/{certificateNo}/revoke',
      '/public/certificates/{certificateNo}/verify',
    ]);
    const verify = doc.paths['/public/certificates/{certificateNo}/verify'].get!;
    expect(verify.parameters!.map((p) => ('name' in p ? p.name : ''))).toEqual(expect.arrayContaining(['certificateNo', 'payload']));
    expect(Object.keys(verify.responses)).toEqual(expect.arrayContaining(['200', '400', '422', '429']));
    await app.close();
  });
});
