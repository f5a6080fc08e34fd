import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { TASK_STATUSES } from '../../tasks/dto/task-statuses.js';
import { DEPARTMENT_CODE, USERNAME } from '../../staff/department-param.js';
import { PageQuery } from '../../common/page.query.js';

export class WorklistQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TASK_STATUSES, example: 'OPEN', description: 'Every status when left out.' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: (typeof TASK_STATUSES)[number];

  @ApiPropertyOptional({ example: 'RE-TRANSFER' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: '$property must be a service item code' })
  itemCode?: string;

  @ApiPropertyOptional({ example: '2026-11-30T23:59:59+08:00', description: 'Only tasks due strictly before this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;

  @ApiPropertyOptional({ type: Boolean, example: true, description: 'true: open tasks past their due time (red cards); false: all others.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ example: 'NRB', description: 'Narrow to one of your departments (your own, or one you are an active backup for).' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: '$property must be a department code' })
  department?: string;

  @ApiPropertyOptional({ example: 'rep.nrb', description: 'Only tasks assigned to this user.' })
  @IsOptional()
  @Matches(USERNAME, { message: '$property must be a username' })
  assignee?: string;
}
