import { ApiPropertyOptional } from '@nestjs/swagger';
import { TASK_STATUSES, WorklistFiltersSchema, type TaskStatus } from '#libs/contracts';
import { PAGE_CURSOR_DOC, PAGE_LIMIT_DOC } from '../../common/page.query.js';

/** The rules are WorklistFiltersSchema's (#libs/contracts), which approval checks the query with; this only describes it. */
export class WorklistQuery extends WorklistFiltersSchema {
  @ApiPropertyOptional({ enum: TASK_STATUSES, example: 'OPEN', description: 'Every status when left out.' })
  override status?: TaskStatus;

  @ApiPropertyOptional({ example: 'RE-TRANSFER' })
  override itemCode?: string;

  @ApiPropertyOptional({ example: '2026-11-30T23:59:59+08:00', description: 'Only tasks due strictly before this instant.' })
  override dueBefore?: string;

  @ApiPropertyOptional({ type: Boolean, example: true, description: 'true: open tasks past their due time (red cards); false: all others.' })
  override overdue?: boolean;

  @ApiPropertyOptional({ example: 'NRB', description: 'Narrow to one of your departments (your own, or one you are an active backup for).' })
  override department?: string;

  @ApiPropertyOptional({ example: 'rep.nrb', description: 'Only tasks assigned to this user.' })
  override assignee?: string;

  @ApiPropertyOptional(PAGE_CURSOR_DOC)
  override cursor?: string;

  @ApiPropertyOptional(PAGE_LIMIT_DOC)
  override limit?: number;
}
