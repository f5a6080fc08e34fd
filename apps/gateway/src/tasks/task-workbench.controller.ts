import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, ErrorCodes, Rpc, type Actor, type AssignTaskRequest, type BulkTaskReply, type BulkTaskRequest, type Command, type TaskView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { TaskIdParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { UsersRepository } from '../auth/users.repository.js';
import { TaskViewDto } from './dto/task-view.dto.js';
import { AssignTaskDto } from './dto/assign-task.dto.js';
import { BulkTasksDto, BulkTasksReplyDto } from './dto/bulk-tasks.dto.js';

/** A bulk action runs one transaction per task: give it longer than one request. */
const BULK_TIMEOUT_MS = 30_000;

/** Reassignment within a department and bulk actions; each task audited. The worklist itself is GET /tasks. */
@ApiTags('tasks')
@ApiStaff()
@Roles('CHIEF_REP')
@Controller('tasks')
export class TaskWorkbenchController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly staff: UsersRepository,
  ) {}

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve or assign many tasks at once; each task on its own (partial success), each result reported.',
    description:
      'Every task goes through the same checks as one request (department or active backup, still open, joint site survey recorded…) in its own transaction with its own event and audit entry. The answer is 200 with one result per task, in the order given.',
  })
  @ApiBody({
    type: BulkTasksDto,
    examples: {
      approve: { summary: 'Approve several', value: { action: 'APPROVE', taskIds: ['0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b', '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c'], opinion: '材料齐全，同意' } },
      assign: { summary: 'Assign several', value: { action: 'ASSIGN', taskIds: ['0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b'], assignee: 'rep.nrb', reason: '集中办理' } },
    },
  })
  @ApiOkResponse({ type: BulkTasksReplyDto })
  @ApiIdempotent()
  @ApiErrors([400, 422, 503])
  async bulk(@Body() body: BulkTasksDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<BulkTaskReply> {
    const assigneeDepartment = body.action === 'ASSIGN' ? await this.departmentOf(body.assignee ?? null) : undefined;
    const cmd: Command<BulkTaskRequest> = {
      actor,
      data: {
        action: body.action,
        taskIds: body.taskIds,
        opinion: body.opinion?.trim(),
        ...(body.action === 'ASSIGN' ? { assignee: body.assignee ?? null, assigneeDepartment, reason: body.reason?.trim() ?? '' } : {}),
      },
    };
    return this.rpc.request(Rpc.approval.bulkTasks, cmd, { correlationId, timeoutMs: BULK_TIMEOUT_MS });
  }

  @Post(':taskId/assign')
  @HttpCode(200)
  @ApiOperation({ summary: "Give an open task to a user of its department (null: back to the whole department). By the department's chief representative or its active backup; audited." })
  @ApiBody({
    type: AssignTaskDto,
    examples: {
      assign: { summary: 'To a colleague', value: { assignee: 'rep.nrb', reason: '该片区由其负责' } },
      unassign: { summary: 'Back to the department', value: { assignee: null, reason: '人员调整' } },
    },
  })
  @ApiOkResponse({ type: TaskViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 403, 404, 409, 422, 503], {
    403: { code: 'TASK.NOT_YOUR_DEPARTMENT', message: 'This task belongs to another department.' },
    404: { code: 'TASK.NOT_FOUND', message: 'No review task 0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b.' },
    409: { code: 'TASK.ALREADY_DECIDED', message: 'Task 0193a1b2-… is APPROVED; only an open task can be assigned.' },
    422: { code: 'TASK.ASSIGNEE_NOT_IN_DEPARTMENT', message: 'The request has problems; every one is listed.', problems: [{ field: 'assignee', rule: 'inDepartment', message: 'rep.tax is not a user of NRB.' }] },
  })
  async assign(@Param() p: TaskIdParam, @Body() body: AssignTaskDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<TaskView> {
    const assigneeDepartment = await this.departmentOf(body.assignee);
    const cmd: Command<AssignTaskRequest> = { actor, data: { taskId: p.taskId, assignee: body.assignee, assigneeDepartment, reason: body.reason.trim() } };
    return this.rpc.request(Rpc.approval.assignTask, cmd, { correlationId });
  }

  /** The assignee must be a user; approval checks the department is the task's. */
  private async departmentOf(assignee: string | null): Promise<string | null> {
    if (assignee === null) return null;
    const user = await this.staff.findStaff(assignee);
    if (!user) throw AppError.invalid(ErrorCodes.USER_NOT_FOUND, [{ field: 'assignee', rule: 'exists', message: `No user ${assignee}.` }]);
    return user.department;
  }
}
