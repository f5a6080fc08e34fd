import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type CertificatePublicKey as PublicKeyView, type CertificateVerification, type CertificateView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { CertificatePublicKey } from './certificate-public-key.js';
import { GetCertificate } from './get-certificate.js';
import { VerifyCertificate } from './verify-certificate.js';

/** The queries about certificates: verification (public), the public key (public), one certificate (staff). */
@Controller()
export class VerifyCertificateHandler {
  constructor(
    private readonly verifyCertificate: VerifyCertificate,
    private readonly publicKey: CertificatePublicKey,
    private readonly getCertificate: GetCertificate,
  ) {}

  @OnRpc(Rpc.delivery.verifyCertificate)
  verify(@Payload() query: { certificateNo: string; payload?: string }): Promise<CertificateVerification> {
    return this.verifyCertificate.execute(query);
  }

  @OnRpc(Rpc.delivery.certificatePublicKey)
  key(): PublicKeyView {
    return this.publicKey.execute();
  }

  @OnRpc(Rpc.delivery.getCertificate)
  get(@Payload() query: { certificateNo: string }): Promise<CertificateView> {
    return this.getCertificate.execute(query);
  }
}
