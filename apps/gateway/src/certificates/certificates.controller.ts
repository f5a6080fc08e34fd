import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, Rpc, type Actor, type CertificatePublicKey, type CertificateView, type Command, type RevokeCertificateRequest } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Public, Roles } from '../auth/roles.decorator.js';
import { CaseAccess, type Caller } from '../access/case-access.js';
import { CurrentCaller } from '../access/caller.decorator.js';
import { UsersRepository } from '../auth/users.repository.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { CorrelationId } from '../http/request-context.js';
import { RateLimited } from '../rate-limit/rate-limit.guard.js';
import { CertificateNoParam } from './dto/certificate-no.param.js';
import { CertificatePublicKeyDto, CertificateViewDto } from './dto/certificate-views.dto.js';
import { PrintCertificateQuery } from './dto/print-certificate.query.js';
import { RevokeCertificateDto } from './dto/revoke-certificate.dto.js';
import { renderCertificatePdf } from './print/render-certificate-pdf.js';
import { renderCertificateHtml } from './print/render-certificate.js';

const NOT_FOUND = { 404: { code: 'CERTIFICATE.NOT_FOUND', message: 'No certificate SAMR-20260010000427.' } };

/** Certificates (证照): the signing key, the printed certificate, revocation. Verification is PublicCertificatesController. */
@ApiTags('certificates')
@Controller('certificates')
export class CertificatesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly users: UsersRepository,
    private readonly access: CaseAccess,
  ) {}

  @Get('public-key')
  @Public()
  @RateLimited('public')
  @ApiOperation({
    summary: 'The public key every certificate payload is signed with (Ed25519), as PEM and JWK. No login.',
    description:
      'A payload (the QR code on a certificate) is base64url(compact JSON) "." base64url(Ed25519 signature over those JSON bytes). ' +
      'Verify offline: decode both halves to files and run `openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in payload.bin -sigfile sig.bin` ' +
      '(OpenSSL ≥ 3). The payload\'s kid is this key\'s kid (RFC 7638 thumbprint).',
  })
  @ApiOkResponse({ type: CertificatePublicKeyDto })
  @ApiErrors([429, 503])
  publicKey(@CorrelationId() correlationId: string): Promise<CertificatePublicKey> {
    return this.rpc.request(Rpc.delivery.certificatePublicKey, {}, { correlationId });
  }

  @Get(':certificateNo/print')
  @ApiStaff()
  @Roles('CLERK', 'COURIER', 'SUPERVISOR', 'ADMIN')
  @Header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The certificate as a printable A4 page, or a PDF with ?format=pdf, with its signed payload as a QR code.',
    description:
      "Title, number, holder (name; ID number masked), item, issuing department, issue date, validity (有效期至, or 长期), case number, and the " +
      'signed payload as a QR code; a revoked certificate carries a banner and a watermark. The window CLERK, COURIER, SUPERVISOR and ADMIN may print.',
  })
  @ApiProduces('text/html', 'application/pdf')
  @ApiOkResponse({
    description: 'text/html; charset=utf-8 by default; application/pdf with ?format=pdf.',
    content: {
      'text/html': { schema: { type: 'string', example: '<!DOCTYPE html><html lang="zh-CN">…食品经营许可证…</html>' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors([400, 404, 503], NOT_FOUND)
  async print(
    @Param() p: CertificateNoParam,
    @Query() q: PrintCertificateQuery,
    @CurrentActor() actor: Actor,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
  ): Promise<StreamableFile> {
    const certificate = await this.rpc.request(Rpc.delivery.getCertificate, { certificateNo: p.certificateNo }, { correlationId });
    // A clerk: certificates of their centers' cases; a courier: of cases delivered by courier. Else as if unknown.
    if (!(await this.access.allows(caller, certificate.caseNo, correlationId))) {
      throw AppError.notFound(ErrorCodes.CERTIFICATE_NOT_FOUND, `No certificate ${p.certificateNo}.`);
    }
    const user = await this.users.find(actor.id).catch(() => undefined);
    const opts = {
      printedBy: user?.displayName && user.displayName !== actor.id ? `${user.displayName}（${actor.id}）` : actor.id,
      printedAt: toShanghai(new Date()) ?? undefined,
    };
    if (q.format === 'pdf') {
      return new StreamableFile(await renderCertificatePdf(certificate, opts), {
        type: 'application/pdf',
        disposition: `inline; filename="${certificate.certificateNo.replace(/[^A-Za-z0-9_-]/g, '')}.pdf"`,
      });
    }
    return new StreamableFile(Buffer.from(await renderCertificateHtml(certificate, opts), 'utf8'), { type: 'text/html; charset=utf-8' });
  }

  @Post(':certificateNo/revoke')
  @HttpCode(200)
  @ApiStaff()
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Revoke a certificate (撤销), with a reason: verification answers REVOKED from then on; on the case timeline. Once only (409).' })
  @ApiBody({ type: RevokeCertificateDto, examples: { fraud: { summary: 'Obtained by deception', value: { reason: '申请人以欺骗手段取得许可，依法撤销' } } } })
  @ApiOkResponse({ type: CertificateViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 404, 409, 503], { ...NOT_FOUND, 409: { code: 'CERTIFICATE.ALREADY_REVOKED', message: 'Certificate SAMR-20260010000427 is already revoked.' } })
  revoke(@Param() p: CertificateNoParam, @Body() body: RevokeCertificateDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<CertificateView> {
    const cmd: Command<RevokeCertificateRequest> = { actor, data: { certificateNo: p.certificateNo, reason: body.reason } };
    return this.rpc.request(Rpc.delivery.revokeCertificate, cmd, { correlationId });
  }
}
