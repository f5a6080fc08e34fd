import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, commandProblems, CertificateNoSchema, ErrorCodes, type CertificateView } from '#libs/contracts';
import { toCertificateView } from '../certificate/certificate-view.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';

/** Staff: one certificate as it is printed (the gateway's print page). A number that cannot be one is a 404 as well. */
@Injectable()
export class GetCertificate {
  constructor(
    private readonly ds: DataSource,
    private readonly certificates: CertificateRepository,
  ) {}

  async execute(query: { certificateNo: string }): Promise<CertificateView> {
    const { value, problems } = commandProblems(CertificateNoSchema, query);
    const record = problems.length ? undefined : await this.certificates.get(this.ds.manager, value.certificateNo);
    if (!record) throw AppError.notFound(ErrorCodes.CERTIFICATE_NOT_FOUND, `No certificate ${String(query?.certificateNo ?? '').slice(0, 64)}.`);
    return toCertificateView(record);
  }
}
