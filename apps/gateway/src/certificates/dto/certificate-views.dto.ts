import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CertificatePublicKey, CertificateVerification, CertificateView } from '#libs/contracts';

class HolderDto {
  @ApiProperty({ example: '张三' }) name: string;
  @ApiPropertyOptional({ example: '5107**********1234', description: 'The ID number or credit code, masked (first 4 and last 4).' }) idNumberMasked?: string;
}

export class CertificateViewDto implements CertificateView {
  @ApiProperty({ example: 'SAMR-20260010000427' }) certificateNo: string;
  @ApiProperty({ example: '510704202612020001X' }) caseNo: string;
  @ApiProperty({ example: '食品经营许可证' }) name: string;
  @ApiPropertyOptional({ example: 'FOOD-BIZ' }) itemCode?: string;
  @ApiPropertyOptional({ example: '食品经营许可' }) itemName?: string;
  @ApiProperty({ example: 'SAMR' }) department: string;
  @ApiProperty({ type: HolderDto }) holder: HolderDto;
  @ApiProperty({ enum: ['VALID', 'REVOKED'] }) status: 'VALID' | 'REVOKED';
  @ApiProperty({ example: '2026-12-02T10:15:00+08:00' }) issuedAt: string;
  @ApiPropertyOptional({ example: '2031-12-01', description: 'The last valid day (Asia/Shanghai), where the catalog sets a validity.' }) validUntil?: string;
  @ApiPropertyOptional({ description: 'base64url(JSON) "." base64url(Ed25519 signature): the QR code on the paper.' }) signedPayload?: string;
  @ApiPropertyOptional({ example: '2026-12-03T09:00:00+08:00' }) revokedAt?: string;
  @ApiPropertyOptional({ example: 'admin' }) revokedBy?: string;
  @ApiPropertyOptional({ example: '申请人以欺骗手段取得许可，依法撤销' }) revokeReason?: string;
}

class MaskedHolderDto {
  @ApiProperty({ example: '张*' }) name: string;
  @ApiPropertyOptional({ example: '5107**********1234' }) idNumber?: string;
}

export class CertificateVerificationDto implements CertificateVerification {
  @ApiProperty({ enum: ['VALID', 'REVOKED', 'UNKNOWN'], description: 'UNKNOWN: no certificate was issued under this number (nothing else is said).' })
  status: 'VALID' | 'REVOKED' | 'UNKNOWN';
  @ApiProperty({ example: 'SAMR-20260010000427' }) certificateNo: string;
  @ApiPropertyOptional({ example: '食品经营许可证' }) name?: string;
  @ApiPropertyOptional({ example: '食品经营许可' }) itemName?: string;
  @ApiPropertyOptional({ type: MaskedHolderDto, description: 'Masked: never the full name, ID number or phone.' }) holder?: MaskedHolderDto;
  @ApiPropertyOptional({ example: 'SAMR' }) department?: string;
  @ApiPropertyOptional({ example: '2026-12-02T10:15:00+08:00' }) issuedAt?: string;
  @ApiPropertyOptional({ example: '2031-12-01' }) validUntil?: string;
  @ApiPropertyOptional({ example: '2026-12-03T09:00:00+08:00' }) revokedAt?: string;
  @ApiPropertyOptional({ enum: ['GOOD'], description: 'Present when a payload was given: its signature verified and it is this certificate as issued.' })
  signature?: 'GOOD';
}

class JwkDto {
  @ApiProperty({ enum: ['OKP'] }) kty: 'OKP';
  @ApiProperty({ enum: ['Ed25519'] }) crv: 'Ed25519';
  @ApiProperty({ example: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', description: 'The raw 32-byte public key, base64url.' }) x: string;
  @ApiProperty() kid: string;
  @ApiProperty({ enum: ['sig'] }) use: 'sig';
  @ApiProperty({ enum: ['EdDSA'] }) alg: 'EdDSA';
}

export class CertificatePublicKeyDto implements CertificatePublicKey {
  @ApiProperty({ enum: ['Ed25519'] }) alg: 'Ed25519';
  @ApiProperty({ description: 'JWK thumbprint (RFC 7638, SHA-256): the `kid` in every payload signed with this key.' }) kid: string;
  @ApiProperty({ example: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----\n' }) pem: string;
  @ApiProperty({ type: JwkDto }) jwk: JwkDto;
}
