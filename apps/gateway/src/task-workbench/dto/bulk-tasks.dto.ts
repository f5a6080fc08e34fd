import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { OPINION_MAX_LENGTH } from '#libs/contracts';
import { TaskViewDto } from '../../tasks/dto/task-view.dto.js';
import { USERNAME } from '../../staff/department-param.js';

export const BULK_ACTIONS = ['APPROVE', 'ASSIGN'] as const;

export class BulkTasksDto {
  @ApiProperty({ enum: BULK_ACTIONS, example: 'APPROVE' })
  @IsIn(BULK_ACTIONS)
  action: (typeof BULK_ACTIONS)[number];

  @ApiProperty({ type: [String], example: ['0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b', '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c'], minItems: 1, maxItems: 100 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  taskIds: string[];

  @ApiPropertyOptional({ example: '材料齐全，同意', maxLength: OPINION_MAX_LENGTH, description: 'APPROVE: the opinion recorded on every task.' })
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_MAX_LENGTH)
  opinion?: string;

  @ApiPropertyOptional({ example: 'rep.nrb', nullable: true, type: String, description: 'ASSIGN (required): a user of the tasks\' department; null: the whole department.' })
  @ValidateIf((d: BulkTasksDto) => d.assignee !== null && (d.action === 'ASSIGN' || d.assignee !== undefined))
  @IsString({ message: 'assignee is required for ASSIGN (a username, or null for the whole department)' })
  @Matches(USERNAME, { message: '$property must be a username' })
  assignee?: string | null;

  @ApiPropertyOptional({ example: '集中办理', maxLength: 500, description: 'ASSIGN: why.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
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
