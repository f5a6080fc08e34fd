import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class ExtendTaskDto {
  @ApiProperty({ example: 3, minimum: 1, maximum: 60, description: 'Working days to add to the task’s due time (official calendar).' })
  @IsInt()
  @Min(1)
  @Max(60)
  workingDays: number;

  @ApiProperty({ example: '需组织联合踏勘，现场核查需要时间', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason: string;
}

/** The one extension of a task, as TaskView shows it. */
export class TaskExtensionDto {
  @ApiProperty({ example: 3 }) workingDays: number;
  @ApiProperty({ example: '需组织联合踏勘，现场核查需要时间' }) reason: string;
  @ApiProperty({ example: 'rep.nrb' }) extendedBy: string;
  @ApiProperty({ example: '2026-11-25T15:02:11+08:00' }) extendedAt: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) previousDueAt: string;
}
