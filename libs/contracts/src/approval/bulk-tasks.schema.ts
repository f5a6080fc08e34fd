import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { USERNAME } from '../patterns.js';
import { ASSIGN_REASON_MAX_LENGTH } from './assign-task.schema.js';
import { OPINION_MAX_LENGTH } from './decisions.js';

export const BULK_ACTIONS = ['APPROVE', 'ASSIGN'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_MAX_TASKS = 100;

/** The body of POST /tasks/bulk: the gateway's BulkTasksDto extends it. */
export class BulkActionSchema {
  @IsIn(BULK_ACTIONS)
  action: BulkAction;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_TASKS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  taskIds: string[];

  /** APPROVE: the opinion recorded on every task. */
  @IsOptional()
  @IsString()
  @MaxLength(OPINION_MAX_LENGTH)
  opinion?: string;

  /** ASSIGN (required): a user of the tasks' department; null: the whole department. */
  @ValidateIf((d: BulkActionSchema) => d.assignee !== null && (d.action === 'ASSIGN' || d.assignee !== undefined))
  @IsString({ message: 'assignee is required for ASSIGN (a username, or null for the whole department)' })
  @Matches(USERNAME, { message: '$property must be a username' })
  assignee?: string | null;

  /** ASSIGN: why. */
  @IsOptional()
  @IsString()
  @MaxLength(ASSIGN_REASON_MAX_LENGTH)
  reason?: string;
}

/** rpc.approval.tasks.bulk's data: with ASSIGN, the gateway says which department the assignee is in. */
export class BulkTasksSchema extends BulkActionSchema {
  @IsOptional()
  @IsString()
  assigneeDepartment?: string | null;
}
