import { ApiProperty } from '@nestjs/swagger';
import { RevocationSchema, REVOKE_REASON_MAX_LENGTH } from '#libs/contracts';

/** The rule is RevocationSchema's (delivery checks the same one). */
export class RevokeCertificateDto extends RevocationSchema {
  @ApiProperty({ example: '申请人以欺骗手段取得许可，依法撤销', maxLength: REVOKE_REASON_MAX_LENGTH, description: 'Why it is revoked; on the case timeline.' })
  override reason: string;
}
