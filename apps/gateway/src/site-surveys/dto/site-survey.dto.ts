import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FindingsSchema, FINDINGS_MAX_LENGTH, PLACE_MAX_LENGTH, SurveySchema } from '#libs/contracts';
import { IsResourceId } from '../../common/ids.js';

/** The rules are SurveySchema's (#libs/contracts), which approval checks the command with; this only describes it. */
export class ScheduleSurveyDto extends SurveySchema {
  @ApiProperty({ example: '2026-11-26T09:30:00+08:00', description: 'When the survey takes place; a time still to come.' })
  override at: string;

  @ApiProperty({ example: '涪江左岸 K12+300 拟设排污口处', maxLength: PLACE_MAX_LENGTH })
  override place: string;

  @ApiProperty({ example: ['EEB', 'WRB', 'NRB'], description: "Who takes part: some or all of the open stage's departments (the lead always does). Every department of the stage is told." })
  override departments: string[];
}

/** The rules are FindingsSchema's (#libs/contracts), which approval checks the command with; this only describes it. */
export class RecordFindingsDto extends FindingsSchema {
  @ApiProperty({ example: '排污口位置与论证报告一致，下游 500 米内无取水口。', maxLength: FINDINGS_MAX_LENGTH })
  override findings: string;

  @ApiPropertyOptional({ example: 'WRB', description: 'Only when you could record for more than one of the survey\'s departments (your own and one you stand in for).' })
  override department?: string;
}

export class SurveyIdParam {
  @IsResourceId('0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a80')
  surveyId: string;
}

export class SurveyFindingDto {
  @ApiProperty({ example: 'WRB' }) department: string;
  @ApiProperty({ example: '排污口位置与论证报告一致，下游 500 米内无取水口。' }) findings: string;
  @ApiProperty({ example: 'rep.wrb' }) recordedBy: string;
  @ApiPropertyOptional({ example: 'rep.nrb', description: 'Set when a backup recorded for the chief representative.' }) onBehalfOf?: string;
  @ApiProperty({ example: '2026-11-26T11:02:45+08:00' }) recordedAt: string;
}

export class SiteSurveyViewDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a80' }) surveyId: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 1 }) stage: number;
  @ApiProperty({ example: 'EEB' }) lead: string;
  @ApiProperty({ example: '2026-11-26T09:30:00+08:00' }) at: string;
  @ApiProperty({ example: '涪江左岸 K12+300 拟设排污口处' }) place: string;
  @ApiProperty({ example: ['EEB', 'WRB', 'NRB'] }) departments: string[];
  @ApiProperty({ example: ['EEB', 'NRB', 'WRB'], description: 'Every department of the stage: all were told.' }) notified: string[];
  @ApiProperty({ example: 'rep.eeb' }) scheduledBy: string;
  @ApiProperty({ example: '2026-11-24T15:00:00+08:00' }) scheduledAt: string;
  @ApiProperty({ type: [SurveyFindingDto] }) findings: SurveyFindingDto[];
  @ApiProperty({ example: ['NRB'], description: 'Departments whose findings are still missing.' }) pending: string[];
  @ApiPropertyOptional({ example: '2026-11-26T16:40:12+08:00', description: 'When the last findings came in; from then on the lead may approve.' }) recordedAt?: string;
}
