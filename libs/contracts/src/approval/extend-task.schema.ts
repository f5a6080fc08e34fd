import { IsInt, IsNotEmpty, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export const EXTENSION_MAX_DAYS = 60;
export const EXTENSION_REASON_MAX_LENGTH = 500;

/** The body of POST /tasks/{taskId}/extension (延期): the gateway's ExtendTaskDto extends it. */
export class ExtensionSchema {
  /** Working days to add to the task's due time (official calendar). */
  @IsInt()
  @Min(1)
  @Max(EXTENSION_MAX_DAYS)
  workingDays: number;

  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(EXTENSION_REASON_MAX_LENGTH)
  reason: string;
}

/** rpc.approval.task.extend's data. */
export class ExtendTaskSchema extends ExtensionSchema {
  @IsUUID('loose', { message: 'taskId must be the id of a review task.' })
  taskId: string;
}
