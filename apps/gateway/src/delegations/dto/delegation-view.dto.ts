import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DelegationViewDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a60' }) delegationId: string;
  @ApiProperty({ example: 'NRB' }) department: string;
  @ApiProperty({ example: 'rep.nrb', description: 'The chief representative the backup stands in for.' }) primaryUser: string;
  @ApiProperty({ example: 'backup.nrb' }) backupUser: string;
  @ApiProperty({ example: '2026-11-23T00:00:00+08:00' }) from: string;
  @ApiProperty({ example: '2026-11-27T23:59:59+08:00' }) to: string;
  @ApiProperty({ example: '首席代表年休假' }) reason: string;
  @ApiProperty({ example: 'admin' }) createdBy: string;
  @ApiProperty({ example: '2026-11-22T17:30:00+08:00' }) createdAt: string;
  @ApiPropertyOptional({ example: '2026-11-25T09:00:00+08:00' }) revokedAt?: string;
  @ApiPropertyOptional({ example: 'rep.nrb' }) revokedBy?: string;
  @ApiProperty({ example: true, description: 'Now within [from, to] and not revoked: the backup may act.' }) active: boolean;
}
