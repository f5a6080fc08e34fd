import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsInstant, IsPageCursor, IsPageLimit, RESOURCE_ID, USERNAME } from '#libs/contracts';
import { PAGE_CURSOR_DOC, PAGE_LIMIT_DOC } from '../../common/page.query.js';

const PERIOD_DOC = 'An instant (ISO 8601; without an offset it is Asia/Shanghai time) or a date (a whole Asia/Shanghai day).';

export class AuditPeriodQuery {
  @ApiPropertyOptional({ example: '2026-12-01', description: `From (inclusive). ${PERIOD_DOC}` })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-02T18:00:00+08:00', description: `To (inclusive). ${PERIOD_DOC}` })
  @IsOptional()
  @IsInstant()
  to?: string;
}

export class AuditListQuery {
  @ApiPropertyOptional({ example: '510704202612020000013', description: 'Only entries about this case.' })
  @IsOptional()
  @Matches(RESOURCE_ID, { message: 'caseNo must be 1 to 64 letters, digits, "-" or "_"' })
  caseNo?: string;

  @ApiPropertyOptional({ example: 'rep.nrb', description: 'Only entries by this user, or by a backup acting for them.' })
  @IsOptional()
  @Matches(USERNAME, { message: 'user must be a username' })
  user?: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: `From (inclusive). ${PERIOD_DOC}` })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-02T18:00:00+08:00', description: `To (inclusive). ${PERIOD_DOC}` })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional(PAGE_CURSOR_DOC)
  @IsPageCursor()
  cursor?: string;

  @ApiPropertyOptional(PAGE_LIMIT_DOC)
  @IsPageLimit()
  limit?: number;
}

export class AuditActorDto {
  @ApiProperty({ nullable: true, type: String, example: 'backup.nrb', description: 'null: the request was not authenticated (refused, or a login).' }) id: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'CHIEF_REP' }) role: string | null;
  @ApiPropertyOptional({ example: 'rep.nrb' }) onBehalfOf?: string;
  @ApiPropertyOptional({ example: 'NRB' }) department?: string;
}

export class AuditOutcomeDto {
  @ApiProperty({ example: 403 }) status: number;
  @ApiProperty({ nullable: true, type: String, example: 'TASK.NOT_YOURS' }) code: string | null;
}

export class AuditEntryViewDto {
  @ApiProperty({ example: 'G-1042', description: 'G-<n>: the n-th request in the gateway\'s chain; R-<n>: the n-th case event in routing\'s.' }) id: string;
  @ApiProperty({ enum: ['requests', 'case-events'], example: 'requests' }) chain: string;
  @ApiProperty({ example: '2026-12-02T10:15:30+08:00' }) at: string;
  @ApiProperty({ type: AuditActorDto }) actor: AuditActorDto;
  @ApiProperty({ example: 'POST /tasks/{taskId}/decision', description: 'A request\'s method and route template, or a case event\'s type.' }) action: string;
  @ApiProperty({ nullable: true, type: String, example: '510704202612020000013' }) caseNo: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, example: { taskId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' } }) params?: Record<string, string>;
  @ApiPropertyOptional({ nullable: true, type: String, example: '510704-C01' }) center?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '10.0.3.17' }) ip?: string | null;
  @ApiPropertyOptional({ type: AuditOutcomeDto }) outcome?: AuditOutcomeDto;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { decision: 'APPROVE' }, description: 'Requests: whitelisted non-personal body fields (decision, itemCode, method, channel; replayed). Case events: the timeline summary as first recorded.' })
  data: Record<string, unknown>;
  @ApiPropertyOptional({ nullable: true, type: String, example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a99' }) correlationId?: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryViewDto] }) items: AuditEntryViewDto[];
  @ApiProperty({ nullable: true, type: String, example: null, description: 'Pass as cursor for the next (older) page; null on the last page.' }) nextCursor: string | null;
}

export class BrokenEntryDto {
  @ApiProperty({ example: 'G-1042' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-02T10:15:30+08:00' }) at: string | null;
  @ApiProperty({ example: "hash does not match the entry's content (the entry was changed)" }) reason: string;
}

export class AuditChainReportDto {
  @ApiProperty({ enum: ['requests', 'case-events'], example: 'requests' }) chain: string;
  @ApiProperty({ example: 1042 }) entriesChecked: number;
  @ApiProperty({ example: false }) ok: boolean;
  @ApiProperty({ type: BrokenEntryDto, nullable: true }) firstBrokenEntry: BrokenEntryDto | null;
}

export class AuditVerificationDto {
  @ApiProperty({ nullable: true, type: String, example: '2026-12-01T00:00:00+08:00' }) from: string | null;
  @ApiProperty({ nullable: true, type: String, example: null }) to: string | null;
  @ApiProperty({ example: '2026-12-02T18:00:03+08:00' }) checkedAt: string;
  @ApiProperty({ example: false, description: 'Every chain holds over the period.' }) ok: boolean;
  @ApiProperty({ type: [AuditChainReportDto] }) chains: AuditChainReportDto[];
}
