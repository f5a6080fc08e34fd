import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type CertificateVerification } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { Public } from '../auth/roles.decorator.js';
import { ApiErrors } from '../common/api-docs.js';
import { CorrelationId } from '../http/request-context.js';
import { RateLimited } from '../rate-limit/rate-limit.guard.js';
import { CertificateNoParam } from './dto/certificate-no.param.js';
import { CertificateVerificationDto } from './dto/certificate-views.dto.js';
import { VerifyCertificateQuery } from './dto/verify-certificate.query.js';

/** 证照核验: anyone holding a certificate (a bank, a landlord) checks it. No login; rate-limited per IP. */
@ApiTags('public')
@Public()
@RateLimited('public')
@Controller('public/certificates')
export class PublicCertificatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':certificateNo/verify')
  @ApiOperation({
    summary: 'Is this certificate genuine and still valid? VALID, REVOKED or UNKNOWN, the holder masked. No login.',
    description:
      'Answers what the certificate says (title, item, department, issue date, validity) with the holder\'s name and ID number masked; never ' +
      'the full ID number, a phone or an address. UNKNOWN: no certificate was issued under this number. With ?payload= (the QR code), the ' +
      "payload's signature is checked too: signature GOOD when it verifies and is this certificate as issued; otherwise 422 " +
      'CERTIFICATE.PAYLOAD_INVALID with the problem (rule signature, format, certificateNo or issued).',
  })
  @ApiOkResponse({ type: CertificateVerificationDto })
  @ApiErrors([400, 422, 429, 503], {
    422: {
      code: 'CERTIFICATE.PAYLOAD_INVALID',
      message: 'The request has problems; every one is listed.',
      problems: [{ field: 'payload', rule: 'signature', message: 'the signature does not verify with the published key: the payload was altered or not issued here' }],
    },
  })
  verify(@Param() p: CertificateNoParam, @Query() q: VerifyCertificateQuery, @CorrelationId() correlationId: string): Promise<CertificateVerification> {
    return this.rpc.request(Rpc.delivery.verifyCertificate, { certificateNo: p.certificateNo, ...(q.payload !== undefined ? { payload: q.payload } : {}) }, { correlationId });
  }
}
