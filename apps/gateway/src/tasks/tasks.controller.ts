import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError, ErrorCodes, Rpc, type Actor, type Command, type DecideTaskRequest, type TaskView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { TaskIdParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { DecideTaskDto } from './dto/decide-task.dto.js';
import { ListTasksQuery } from './dto/list-tasks.query.js';
import { TaskViewDto } from './dto/task-view.dto.js';

@ApiTags('tasks')
@ApiStaff()
@Roles('CHIEF_REP')
@Controller('tasks')
export class TasksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: "The chief representative's queue: review tasks of their own department." })
  @ApiOkResponse({ type: [TaskViewDto] })
  @ApiErrors([400, 503])
  list(@Query() q: ListTasksQuery, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<TaskView[]> {
    if (!actor.department) throw new AppError(ErrorCodes.AUTH_FORBIDDEN, 'This login has no department to show tasks for.', 403);
    return this.rpc.request<TaskView[]>(Rpc.approval.listTasks, { department: actor.department, status: q.status }, { correlationId });
  }

  @Post(':taskId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve, reject (with reasons) or ask for a supplement (补正, stops the clock).' })
  @ApiBody({
    type: DecideTaskDto,
    examples: {
      approve: { summary: 'Approve', value: { decision: 'APPROVE', opinion: '材料齐全，同意登记' } },
      reject: { summary: 'Reject with reasons', value: { decision: 'REJECT', opinion: '申请人提供的不动产权属证书与登记簿记载不一致' } },
      supplement: { summary: 'Ask for a supplement', value: { decision: 'REQUEST_SUPPLEMENT', opinion: '请补充提交完税凭证原件' } },
    },
  })
  @ApiOkResponse({ type: TaskViewDto })
  @ApiIdempotent()
  @ApiErrors([400, 403, 404, 409, 503], {
    403: { code: 'TASK.NOT_YOUR_DEPARTMENT', message: 'This task belongs to another department.' },
    404: { code: 'TASK.NOT_FOUND', message: 'No task 0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b.' },
    409: { code: 'TASK.ALREADY_DECIDED', message: 'The task was already decided.' },
  })
  decide(
    @Param() p: TaskIdParam,
    @Body() body: DecideTaskDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<TaskView> {
    const cmd: Command<DecideTaskRequest> = { actor, data: { taskId: p.taskId, decision: body.decision, opinion: body.opinion?.trim() ?? '' } };
    return this.rpc.request<TaskView>(Rpc.approval.decide, cmd, { correlationId });
  }
}
