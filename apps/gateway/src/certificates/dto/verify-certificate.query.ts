import { ApiPropertyOptional } from '@nestjs/swagger';
import { CERTIFICATE_PAYLOAD_MAX_LENGTH, VerifyCertificateQuerySchema } from '#libs/contracts';

/** The rule is VerifyCertificateQuerySchema's (delivery checks the same one). */
export class VerifyCertificateQuery extends VerifyCertificateQuerySchema {
  @ApiPropertyOptional({
    maxLength: CERTIFICATE_PAYLOAD_MAX_LENGTH,
    example: 'eyJ2IjoxLCJraWQiOiIuLi4ifQ.c2lnbmF0dXJl',
    description:
      "The signed payload scanned from the certificate's QR code: its signature is checked with the published key as well. One that does not " +
      "verify, or is another certificate's, is refused: 422 CERTIFICATE.PAYLOAD_INVALID listing the problem.",
  })
  override payload?: string;
}
