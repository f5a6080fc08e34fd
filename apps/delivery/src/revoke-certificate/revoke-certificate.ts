import { Injectable } from '@nestjs/common';
import { AppError, checkActorCommand, ErrorCodes, Events, RevokeCertificateSchema, type CertificateView, type Command } from '#libs/contracts';
import { UnitOfWork } from '#libs/messaging';
import { toCertificateView } from '../certificate/certificate-view.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';

/**
 * An administrator revokes a certificate (吊销/撤销), with a reason: verification answers REVOKED from then on, and the
 * case's timeline shows it (delivery.certificate.revoked.v1). Once only: a second revocation is a 409.
 */
@Injectable()
export class RevokeCertificate {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly certificates: CertificateRepository,
  ) {}

  async execute(command: Command<unknown>, correlationId: string): Promise<CertificateView> {
    const input = checkActorCommand(RevokeCertificateSchema, command, command?.data);
    const actor = command.actor;
    if (actor.role !== 'ADMIN') throw AppError.forbidden(ErrorCodes.AUTH_FORBIDDEN, 'Only an administrator may revoke a certificate.');
    const reason = input.reason.trim();
    return this.uow.run({ actor, correlationId }, async (tx) => {
      const found = await this.certificates.get(tx.manager, input.certificateNo, { forUpdate: true });
      if (!found) throw AppError.notFound(ErrorCodes.CERTIFICATE_NOT_FOUND, `No certificate ${input.certificateNo}.`);
      const revoked = await this.certificates.revoke(tx.manager, found.certificate_no, actor.id, reason);
      if (!revoked) {
        throw AppError.conflict(ErrorCodes.CERTIFICATE_ALREADY_REVOKED, `Certificate ${found.certificate_no} is already revoked.`, { status: found.status });
      }
      tx.emit(Events.CertificateRevoked, revoked.case_no, { certificateNo: revoked.certificate_no, name: revoked.name, department: revoked.department, reason });
      return toCertificateView(revoked);
    });
  }
}
