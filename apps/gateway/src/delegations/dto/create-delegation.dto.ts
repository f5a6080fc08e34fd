import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELEGATION_REASON_MAX_LENGTH, NewDelegationSchema } from '#libs/contracts';

/** The rules are NewDelegationSchema's (#libs/contracts), which approval checks the command with; this only describes it. */
export class CreateDelegationDto extends NewDelegationSchema {
  @ApiProperty({ example: 'backup.nrb', description: 'An existing user with the CHIEF_REP role: a dedicated backup with no department, or a chief representative of another department.' })
  override backupUser: string;

  @ApiProperty({ example: '2026-11-23T00:00:00+08:00', description: 'From when the backup may act (inclusive).' })
  override from: string;

  @ApiProperty({ example: '2026-11-27T23:59:59+08:00', description: 'Until when the backup may act (inclusive); at most 366 days after from.' })
  override to: string;

  @ApiProperty({ example: '首席代表年休假', maxLength: DELEGATION_REASON_MAX_LENGTH })
  override reason: string;

  @ApiPropertyOptional({
    example: 'rep.nrb',
    description:
      "Administrators only, and only when the department has several chief representatives: whom the backup stands in for. A chief representative always delegates their own seat.",
  })
  override primaryUser?: string;
}
