import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { USERNAME } from '../../staff/department-param.js';

export class CreateDelegationDto {
  @ApiProperty({ example: 'backup.nrb', description: 'An existing user with the CHIEF_REP role: a dedicated backup with no department, or a chief representative of another department.' })
  @IsString()
  @Matches(USERNAME, { message: '$property must be a username' })
  backupUser: string;

  @ApiProperty({ example: '2026-11-23T00:00:00+08:00', description: 'From when the backup may act (inclusive).' })
  @IsISO8601({ strict: true })
  from: string;

  @ApiProperty({ example: '2026-11-27T23:59:59+08:00', description: 'Until when the backup may act (inclusive); at most 366 days after from.' })
  @IsISO8601({ strict: true })
  to: string;

  @ApiProperty({ example: '首席代表年休假', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({
    example: 'rep.nrb',
    description:
      "Administrators only, and only when the department has several chief representatives: whom the backup stands in for. A chief representative always delegates their own seat.",
  })
  @IsOptional()
  @IsString()
  @Matches(USERNAME, { message: '$property must be a username' })
  primaryUser?: string;
}
