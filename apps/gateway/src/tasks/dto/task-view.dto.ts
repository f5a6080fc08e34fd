import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TASK_STATUSES } from '#libs/contracts';
import { TaskExtensionDto } from './extend-task.dto.js';

export class TaskViewDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }) taskId: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 'RE-TRANSFER' }) itemCode: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) itemName: string;
  @ApiProperty({ example: 'NRB' }) department: string;
  @ApiProperty({ example: 1 }) stage: number;
  @ApiProperty({ enum: TASK_STATUSES, example: 'OPEN' }) status: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) dueAt: string;
  @ApiPropertyOptional({ example: 'APPROVE' }) decision?: string;
  @ApiPropertyOptional({ example: '材料齐全，同意登记' }) opinion?: string;
  @ApiPropertyOptional({ example: 'rep.nrb' }) decidedBy?: string;
  @ApiPropertyOptional({ example: 'rep.nrb', description: 'Set when a backup (AB岗) decided: the chief representative they acted for (decidedBy is the backup).' }) onBehalfOf?: string;
  @ApiPropertyOptional({ example: 'rep.nrb', description: 'The user of the department the task is assigned to; absent: the whole department.' }) assignee?: string;
  @ApiPropertyOptional({ example: '2026-11-24T10:12:03+08:00' }) decidedAt?: string;
  @ApiPropertyOptional() cancelReason?: string;
  @ApiProperty({ example: '2026-11-23T09:30:13+08:00' }) createdAt: string;
  @ApiPropertyOptional({ example: '2026-11-24T10:12:03+08:00', description: 'PAUSED: since when the task waits for the applicant’s supplement (补正).' }) pausedAt?: string;
  @ApiPropertyOptional({ type: () => TaskExtensionDto, description: 'The one extension (延期) the task got, if any.' }) extension?: TaskExtensionDto;
}
