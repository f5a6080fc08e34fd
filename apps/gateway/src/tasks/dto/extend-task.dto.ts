import { ApiProperty } from '@nestjs/swagger';
import { EXTENSION_MAX_DAYS, EXTENSION_REASON_MAX_LENGTH, ExtensionSchema } from '#libs/contracts';

/** The rules are ExtensionSchema's (#libs/contracts), which approval checks the command with; this only describes it. */
export class ExtendTaskDto extends ExtensionSchema {
  @ApiProperty({ example: 3, minimum: 1, maximum: EXTENSION_MAX_DAYS, description: 'Working days to add to the task’s due time (official calendar).' })
  override workingDays: number;

  @ApiProperty({ example: '需组织联合踏勘，现场核查需要时间', maxLength: EXTENSION_REASON_MAX_LENGTH })
  override reason: string;
}

/** The one extension of a task, as TaskView shows it. */
export class TaskExtensionDto {
  @ApiProperty({ example: 3 }) workingDays: number;
  @ApiProperty({ example: '需组织联合踏勘，现场核查需要时间' }) reason: string;
  @ApiProperty({ example: 'rep.nrb' }) extendedBy: string;
  @ApiProperty({ example: '2026-11-25T15:02:11+08:00' }) extendedAt: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) previousDueAt: string;
}
