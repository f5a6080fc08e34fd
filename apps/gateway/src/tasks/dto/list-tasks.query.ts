import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const TASK_STATUSES = ['OPEN', 'APPROVED', 'REJECTED', 'SUPPLEMENT_REQUESTED', 'CANCELLED', 'PAUSED'] as const;

export class ListTasksQuery {
  @ApiPropertyOptional({ enum: TASK_STATUSES, example: 'OPEN' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: (typeof TASK_STATUSES)[number];
}
