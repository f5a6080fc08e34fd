import { ApiProperty } from '@nestjs/swagger';
import { TaskViewDto } from './task-view.dto.js';

export class WorklistTaskDto extends TaskViewDto {
  @ApiProperty({
    enum: ['NONE', 'YELLOW', 'RED'],
    example: 'YELLOW',
    description: 'Open tasks only: RED past the due time; YELLOW once 80% of the working time from creation to due time is used (working days, official calendar).',
  })
  warningLevel: string;
}

export class WorklistPageDto {
  @ApiProperty({ type: [WorklistTaskDto], description: 'Soonest due first, then by task id.' }) items: WorklistTaskDto[];
  @ApiProperty({ nullable: true, type: String, example: 'WyIyMDI2LTExLTMwVDE1OjU5OjU5LjAwMDAwMFoiLCIwMTkzYTFiMi03YzNkLTdlNGYtOGE5Yi0wYzFkMmUzZjRhNWIiXQ', description: 'Pass as cursor for the next page; null on the last.' })
  nextCursor: string | null;
  @ApiProperty({ example: ['NRB'], description: 'The departments this worklist covers: your own, then those you are an active backup for.' }) departments: string[];
}
