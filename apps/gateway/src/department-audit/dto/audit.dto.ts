import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TimelineActorDto } from '../../cases/dto/timeline-entry.dto.js';
import { PageQuery } from '../../common/page.query.js';
import { AUDIT_ACTIONS } from '#libs/contracts';

export class AuditQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, example: 'TASK_DECIDED' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: (typeof AUDIT_ACTIONS)[number];
}

export class AuditEntryDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a70' }) id: string;
  @ApiProperty({ example: '2026-11-24T10:12:03+08:00' }) at: string;
  @ApiProperty({ type: TimelineActorDto, description: 'Who acted; `onBehalfOf` when a backup acted for the chief representative.' }) actor: TimelineActorDto;
  @ApiProperty({ enum: AUDIT_ACTIONS, example: 'TASK_DECIDED' }) action: string;
  @ApiProperty({ example: 'NRB' }) department: string;
  @ApiPropertyOptional({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }) taskId?: string;
  @ApiPropertyOptional({ example: '510704202611230000427' }) caseNo?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { decision: 'APPROVE', opinion: '同意', bulkId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a71' } })
  details: Record<string, unknown>;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as cursor for the next (older) page; null on the last page.' }) nextCursor: string | null;
}
