import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OPINION_MAX_LENGTH } from '#libs/contracts';
import { DEPARTMENT_CODE } from '../../staff/department-param.js';

export class RecordOpinionDto {
  @ApiProperty({ example: '建议环保部门在审批决定中明确排放口在线监测要求。', maxLength: OPINION_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'opinion must not be blank' })
  @MaxLength(OPINION_MAX_LENGTH)
  opinion: string;

  @ApiPropertyOptional({ example: 'WRB', description: 'Only when you act for more than one department with a task in the case.' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: '$property must be a department code' })
  department?: string;
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
