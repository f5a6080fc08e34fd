// class-transformer's @Type reads design-time types when the class is defined, whoever imports #libs/contracts.
import 'reflect-metadata';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Command } from '../rpc.js';

/**
 * Certificates (证照): subjects, event, views and command schemas; spread into DeliveryRpc / DeliveryEvents and their
 * maps (./rpc.ts, ./events.ts), so `Rpc.delivery.*` and `Events.*` carry them.
 */
export const CertificateRpc = {
  /** {certificateNo} → CertificateView (staff: print). */
  getCertificate: 'rpc.delivery.certificate.get',
  /** {certificateNo, payload?} → CertificateVerification (public). */
  verifyCertificate: 'rpc.delivery.certificate.verify',
  /** {} → CertificatePublicKey. */
  certificatePublicKey: 'rpc.delivery.certificate.public-key',
  revokeCertificate: 'rpc.delivery.certificate.revoke',
} as const;

export const CertificateEvents = {
  CertificateRevoked: 'delivery.certificate.revoked.v1',
} as const;

/**
 * A certificate number: new ones are `{department}-{year}{result type, 3}{sequence, 6}{check}` (SAMR-20260010000427),
 * the check character ISO 7064 MOD 11-2 over the 13 digits; numbers issued before #10 (CERT-{caseNo}-01) stay valid.
 */
export const CERTIFICATE_NO_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;
export const REVOKE_REASON_MAX_LENGTH = 500;
/** A signed payload: base64url(JSON) '.' base64url(Ed25519 signature), well under what a QR code holds. */
export const CERTIFICATE_PAYLOAD_MAX_LENGTH = 2000;

function IsCertificateNo(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    Matches(CERTIFICATE_NO_PATTERN, { message: 'certificateNo must be a certificate number (upper-case letters, digits, "-")' })(target, key);
  };
}

/** The path parameter of every certificate route. */
export class CertificateNoSchema {
  @IsCertificateNo()
  certificateNo: string;
}

/** GET /public/certificates/{certificateNo}/verify?payload=…: the payload scanned off the paper, optional. */
export class VerifyCertificateQuerySchema {
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'payload must be the signed payload of a certificate: base64url "." base64url' })
  @MaxLength(CERTIFICATE_PAYLOAD_MAX_LENGTH)
  payload?: string;
}

export class VerifyCertificateSchema extends VerifyCertificateQuerySchema {
  @IsCertificateNo()
  certificateNo: string;
}

/** POST /certificates/{certificateNo}/revoke (ADMIN). */
export class RevocationSchema {
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(REVOKE_REASON_MAX_LENGTH)
  reason: string;
}

export class RevokeCertificateSchema extends RevocationSchema {
  @IsCertificateNo()
  certificateNo: string;
}

export interface RevokeCertificateRequest {
  certificateNo: string;
  reason: string;
}

export type CertificateStatus = 'VALID' | 'REVOKED';

/** The holder as a certificate shows them to staff: the name, and the ID number masked (证件号 前4后4). */
export interface CertificateHolder {
  name: string;
  idNumberMasked?: string;
}

/** rpc.delivery.certificate.get, and the answer to a revocation: what staff see and print. */
export interface CertificateView {
  certificateNo: string;
  caseNo: string;
  /** The certificate's title (营业执照). */
  name: string;
  itemCode?: string;
  itemName?: string;
  /** The issuing department's code. */
  department: string;
  holder: CertificateHolder;
  status: CertificateStatus;
  /** Asia/Shanghai, to the second. */
  issuedAt: string;
  /** The last day it is valid (YYYY-MM-DD, Asia/Shanghai), where the catalog sets a validity. */
  validUntil?: string;
  /** The signed payload (see CertificatePayload), for the QR code; absent on certificates issued before signing. */
  signedPayload?: string;
  revokedAt?: string;
  revokedBy?: string;
  revokeReason?: string;
}

/**
 * What a certificate's signature covers, in this key order, serialised as compact JSON (JSON.stringify, UTF-8): the
 * signed payload is base64url(those bytes) '.' base64url(Ed25519 signature over those bytes). Personal data is masked.
 */
export interface CertificatePayload {
  v: 1;
  /** The signing key's JWK thumbprint (RFC 7638), as published at /certificates/public-key. */
  kid: string;
  no: string;
  name: string;
  item: string;
  itemName: string;
  holder: { name: string; id: string };
  dept: string;
  /** Issue date, YYYY-MM-DD (Asia/Shanghai). */
  issued: string;
  validUntil?: string;
}

/** What anyone may learn about a certificate number: never the full name, ID number or phone. */
export interface CertificateVerification {
  status: 'VALID' | 'REVOKED' | 'UNKNOWN';
  certificateNo: string;
  name?: string;
  itemName?: string;
  holder?: { name: string; idNumber?: string };
  department?: string;
  issuedAt?: string;
  validUntil?: string;
  revokedAt?: string;
  /** Only when a payload was given: its signature verified with the published key and it is this certificate's. */
  signature?: 'GOOD';
}

/** GET /certificates/public-key: the key that verifies every certificate's payload. */
export interface CertificatePublicKey {
  alg: 'Ed25519';
  kid: string;
  /** SubjectPublicKeyInfo PEM, for `openssl pkeyutl -verify -pubin -inkey`. */
  pem: string;
  jwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; use: 'sig'; alg: 'EdDSA' };
}

/** delivery.certificate.revoked.v1: on the case's timeline; verification says REVOKED from then on. */
export interface CertificateRevokedData {
  certificateNo: string;
  name: string;
  department: string;
  reason: string;
}

export interface CertificateEventDataMap {
  [CertificateEvents.CertificateRevoked]: CertificateRevokedData;
}

export interface CertificateRpcMap {
  [CertificateRpc.getCertificate]: { request: { certificateNo: string }; reply: CertificateView };
  [CertificateRpc.verifyCertificate]: { request: { certificateNo: string; payload?: string }; reply: CertificateVerification };
  [CertificateRpc.certificatePublicKey]: { request: Record<string, never>; reply: CertificatePublicKey };
  [CertificateRpc.revokeCertificate]: { request: Command<RevokeCertificateRequest>; reply: CertificateView };
}
