import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import type { CertificatePayload, CertificatePublicKey } from '#libs/contracts';
import { SERVICE_CONFIG } from '#libs/platform';
import { keyPairFromPem, newKeyPair, openPayload, publicKeyView, signPayload, type OpenedPayload, type SigningKeyPair } from './certificate-signing.js';

/**
 * The Ed25519 key every certificate is signed with: the private key from CERT_SIGNING_KEY_FILE (checked at start by
 * loadConfig; required in production), or, when none is configured outside production, one made at start for this
 * process only (tests, a quick look): certificates signed with it fail offline verification after the next start.
 */
@Injectable()
export class CertificateKey {
  private readonly logger = new Logger(CertificateKey.name);
  private readonly pair: SigningKeyPair;
  private readonly published: CertificatePublicKey;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    if (config.certSigningKeyFile) {
      this.pair = keyPairFromPem(readFileSync(config.certSigningKeyFile, 'utf8'));
      this.logger.log(`certificates are signed with key ${this.pair.kid} from CERT_SIGNING_KEY_FILE`);
    } else {
      this.pair = newKeyPair();
      this.logger.warn(`no CERT_SIGNING_KEY_FILE: certificates are signed with an ephemeral key ${this.pair.kid}, gone at the next start`);
    }
    this.published = publicKeyView(this.pair.publicKey);
  }

  get kid(): string {
    return this.pair.kid;
  }

  sign(payload: CertificatePayload): string {
    return signPayload(this.pair.privateKey, payload);
  }

  open(signed: string): OpenedPayload {
    return openPayload(this.pair.publicKey, signed);
  }

  publicKey(): CertificatePublicKey {
    return this.published;
  }
}
