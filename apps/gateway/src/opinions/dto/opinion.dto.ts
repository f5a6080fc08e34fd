import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPINION_MAX_LENGTH, OpinionSchema } from '#libs/contracts';

/** The rules are OpinionSchema's (#libs/contracts), which approval checks the command with; this only describes it. */
export class RecordOpinionDto extends OpinionSchema {
  @ApiProperty({ example: '建议环保部门在审批决定中明确排放口在线监测要求。', maxLength: OPINION_MAX_LENGTH })
  override opinion: string;

  @ApiPropertyOptional({ example: 'WRB', description: 'Only when you act for more than one department with a task in the case.' })
  override department?: string;
}

export class OpinionViewDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a90' }) opinionId: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 'WRB' }) department: string;
  @ApiProperty({ example: 'rep.wrb' }) author: string;
  @ApiPropertyOptional({ example: 'rep.nrb', description: 'Set when a backup wrote for the chief representative.' }) onBehalfOf?: string;
  @ApiProperty({ example: '建议环保部门在审批决定中明确排放口在线监测要求。' }) opinion: string;
  @ApiProperty({ example: '2026-11-24T14:03:11+08:00' }) at: string;
}
