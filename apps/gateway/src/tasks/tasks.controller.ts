import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor, type Command, type DecideTaskRequest, type TaskView, type WorklistPage, type WorklistRequest } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { TaskIdParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { DecideTaskDto } from './dto/decide-task.dto.js';
import { WorklistPageDto } from './dto/worklist-page.dto.js';
import { WorklistQuery } from './dto/worklist.query.js';
import { TaskViewDto } from './dto/task-view.dto.js';

@ApiTags('tasks')
@ApiStaff()
@Roles('CHIEF_REP')
@Controller('tasks')
export class TasksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: "The chief representative's worklist: their department's tasks and those of departments they are an active backup (AB岗) for.",
    description:
      'Filtered, soonest due first (then by task id), a page at a time: pass `nextCursor` back as `cursor`. Each task carries its warning level (NONE, YELLOW at 80% of its working time, RED overdue), computed at query time.',
  })
  @ApiOkResponse({ type: WorklistPageDto })
  @ApiErrors([400, 403, 503])
  list(@Query() q: WorklistQuery, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<WorklistPage> {
    const request: WorklistRequest = { actor, ...q };
    return this.rpc.request(Rpc.approval.worklist, request, { correlationId });
  }

  @Post(':taskId/decision')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve, reject (with reasons) or ask for a supplement (补正, stops the clock).' })
  @ApiBody({
    type: DecideTaskDto,
    examples: {
      approve: { summary: 'Approve', value: { decision: 'APPROVE', opinion: '材料齐全，同意登记' } },
      reject: { summary: 'Reject with reasons', value: { decision: 'REJECT', opinion: '申请人提供的不动产权属证书与登记簿记载不一致' } },
      supplement: {
        summary: 'Ask for a supplement',
        value: { decision: 'REQUEST_SUPPLEMENT', opinion: '请补充提交完税凭证原件', requested: [{ code: 'M05', name: '完税凭证', reason: '复印件不清晰' }] },
      },
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
    const cmd: Command<DecideTaskRequest> = {
      actor,
      data: { taskId: p.taskId, decision: body.decision, opinion: body.opinion?.trim() ?? '', ...(body.requested ? { requested: body.requested } : {}) },
    };
    return this.rpc.request(Rpc.approval.decide, cmd, { correlationId });
  }
}
