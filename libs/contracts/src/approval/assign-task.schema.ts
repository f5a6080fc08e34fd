import { IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { USERNAME } from '../patterns.js';

export const ASSIGN_REASON_MAX_LENGTH = 500;

/** The body of POST /tasks/{taskId}/assign: the gateway's AssignTaskDto extends it. */
export class AssignmentSchema {
  /** null: back to the whole department. */
  @ValidateIf((d: AssignmentSchema) => d.assignee !== null)
  @IsString()
  @Matches(USERNAME, { message: '$property must be a username, or null' })
  assignee: string | null;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(ASSIGN_REASON_MAX_LENGTH)
  reason: string;
}

/** rpc.approval.task.assign's data; the gateway has found the assignee and says which department they are in. */
export class AssignTaskSchema extends AssignmentSchema {
  @IsUUID('loose', { message: 'taskId must be the id of a review task.' })
  taskId: string;

  @IsOptional()
  @IsString()
  assigneeDepartment?: string | null;
}
