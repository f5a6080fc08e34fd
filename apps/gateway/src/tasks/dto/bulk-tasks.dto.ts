import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ASSIGN_REASON_MAX_LENGTH, BULK_ACTIONS, BULK_MAX_TASKS, BulkActionSchema, OPINION_MAX_LENGTH, type BulkAction } from '#libs/contracts';
import { TaskViewDto } from './task-view.dto.js';

/** The rules are BulkActionSchema's (#libs/contracts), which approval checks the command with; this only describes it. */
export class BulkTasksDto extends BulkActionSchema {
  @ApiProperty({ enum: BULK_ACTIONS, example: 'APPROVE' })
  override action: BulkAction;

  @ApiProperty({ type: [String], example: ['0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b', '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c'], minItems: 1, maxItems: BULK_MAX_TASKS })
  override taskIds: string[];

  @ApiPropertyOptional({ example: '材料齐全，同意', maxLength: OPINION_MAX_LENGTH, description: 'APPROVE: the opinion recorded on every task.' })
  override opinion?: string;

  @ApiPropertyOptional({ example: 'rep.nrb', nullable: true, type: String, description: 'ASSIGN (required): a user of the tasks\' department; null: the whole department.' })
  override assignee?: string | null;

  @ApiPropertyOptional({ example: '集中办理', maxLength: ASSIGN_REASON_MAX_LENGTH, description: 'ASSIGN: why.' })
  override reason?: string;
}

export class BulkTaskResultDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }) taskId: string;
  @ApiProperty({ example: true }) ok: boolean;
  @ApiProperty({ example: 200, description: 'The status this task alone would have got.' }) status: number;
  @ApiPropertyOptional({ type: TaskViewDto }) task?: TaskViewDto;
  @ApiPropertyOptional({ example: 'TASK.ALREADY_DECIDED' }) code?: string;
  @ApiPropertyOptional({ example: 'Task 0193a1b2-… has already been decided (APPROVED).' }) message?: string;
}

export class BulkTasksReplyDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a71', description: 'Named in the audit entries of every task of this action.' }) bulkId: string;
  @ApiProperty({ enum: BULK_ACTIONS, example: 'APPROVE' }) action: string;
  @ApiProperty({ example: 1 }) succeeded: number;
  @ApiProperty({ example: 1 }) failed: number;
  @ApiProperty({ type: [BulkTaskResultDto], description: 'One per task, in the order asked.' }) results: BulkTaskResultDto[];
}
