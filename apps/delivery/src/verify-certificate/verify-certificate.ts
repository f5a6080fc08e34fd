import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, commandProblems, ErrorCodes, VerifyCertificateSchema, type CertificateVerification } from '#libs/contracts';
import { CertificateKey } from '../certificate/certificate-key.js';
import { toVerification } from '../certificate/certificate-view.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';

/**
 * Anyone, online: is this certificate number ours, and is it still valid? VALID or REVOKED with what the paper says,
 * the holder masked; UNKNOWN for a number never issued (a malformed one too: nothing to look up). With the payload
 * scanned off the paper, its signature is checked as well: one that does not verify, or that is another
 * certificate's or differs from what was issued, is refused (422 CERTIFICATE.PAYLOAD_INVALID, each problem listed).
 */
@Injectable()
export class VerifyCertificate {
  constructor(
    private readonly ds: DataSource,
    private readonly certificates: CertificateRepository,
    private readonly key: CertificateKey,
  ) {}

  async execute(query: { certificateNo: string; payload?: string }): Promise<CertificateVerification> {
    const { value, problems } = commandProblems(VerifyCertificateSchema, query);
    const certificateNo = typeof query?.certificateNo === 'string' ? query.certificateNo : '';
    if (problems.some((p) => p.field === 'payload')) throw AppError.invalid(ErrorCodes.CERTIFICATE_PAYLOAD_INVALID, problems.filter((p) => p.field === 'payload'));
    if (problems.length) return { status: 'UNKNOWN', certificateNo };

    const record = await this.certificates.get(this.ds.manager, value.certificateNo);
    if (value.payload !== undefined) {
      const opened = this.key.open(value.payload);
      if (!opened.ok) throw AppError.invalid(ErrorCodes.CERTIFICATE_PAYLOAD_INVALID, [{ field: 'payload', rule: opened.rule, message: opened.message }]);
      if (opened.payload.no !== value.certificateNo) {
        throw AppError.invalid(ErrorCodes.CERTIFICATE_PAYLOAD_INVALID, [
          { field: 'payload', rule: 'certificateNo', message: `the payload is certificate ${opened.payload.no}'s, not ${value.certificateNo}'s` },
        ]);
      }
      if (record && record.signed_payload !== value.payload) {
        throw AppError.invalid(ErrorCodes.CERTIFICATE_PAYLOAD_INVALID, [
          { field: 'payload', rule: 'issued', message: 'the payload is signed but is not the one issued with this certificate' },
        ]);
      }
    }
    if (!record) return { status: 'UNKNOWN', certificateNo: value.certificateNo };
    return { ...toVerification(record), ...(value.payload !== undefined ? { signature: 'GOOD' as const } : {}) };
  }
}
