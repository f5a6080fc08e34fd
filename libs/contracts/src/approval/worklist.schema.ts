import { IsInstant } from '../instant.js';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import type { Actor } from '../envelope.js';
import { IsPageCursor, IsPageLimit } from '../page-query.schema.js';
import { DEPARTMENT_CODE, ITEM_CODE, USERNAME } from '../patterns.js';
import { TASK_STATUSES, type TaskStatus } from './rpc.js';

/** The query of GET /tasks (the worklist): the gateway's WorklistQuery extends it. */
export class WorklistFiltersSchema {
  /** Every status when left out. */
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @IsOptional()
  @IsString()
  @Matches(ITEM_CODE, { message: '$property must be a service item code' })
  itemCode?: string;

  /** Only tasks due strictly before this instant. */
  @IsOptional()
  @IsInstant()
  dueBefore?: string;

  /** true: open tasks past their due time; false: all others. A query string's 'true'/'false' count. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  /** One of the caller's departments (their own, or one they are an active backup for). */
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: '$property must be a department code' })
  department?: string;

  /** Only tasks assigned to this user. */
  @IsOptional()
  @Matches(USERNAME, { message: '$property must be a username' })
  assignee?: string;

  // The page last, as the gateway has always listed its problems.
  @IsPageCursor()
  cursor?: string;

  @IsPageLimit()
  limit?: number;
}

/**
 * rpc.approval.tasks.worklist's request: the filters and who asks (a worklist depends on it). A cursor that is well
 * formed but no page's is approval's to refuse (422, rule `isCursor`).
 */
export class WorklistQuerySchema extends WorklistFiltersSchema {
  @ValidateBy({
    name: 'isActor',
    validator: {
      validate: (v: unknown) => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string',
      defaultMessage: () => 'Who is asking is required.',
    },
  })
  actor: Actor;
}
