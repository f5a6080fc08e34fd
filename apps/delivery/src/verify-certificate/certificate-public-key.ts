import { Injectable } from '@nestjs/common';
import type { CertificatePublicKey as PublicKeyView } from '#libs/contracts';
import { CertificateKey } from '../certificate/certificate-key.js';

/** The key that verifies every certificate's payload, as PEM and JWK, for anyone to verify offline. */
@Injectable()
export class CertificatePublicKey {
  constructor(private readonly key: CertificateKey) {}

  execute(): PublicKeyView {
    return this.key.publicKey();
  }
}
