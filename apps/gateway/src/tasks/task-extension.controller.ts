import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor, type Command, type ExtendTaskRequest, type TaskView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiIdempotent, ApiStaff } from '../common/api-docs.js';
import { TaskIdParam } from '../common/params.dto.js';
import { CorrelationId } from '../http/request-context.js';
import { TaskViewDto } from './dto/task-view.dto.js';
import { ExtendTaskDto } from './dto/extend-task.dto.js';

/** 延期: a department's chief representative extends its own task, once, within the case's legal deadline. */
@ApiTags('tasks')
@ApiStaff()
@Roles('CHIEF_REP')
@Controller('tasks')
export class TaskExtensionController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':taskId/extension')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Extend the task’s due time by N working days (延期): once per task, before it is overdue, never past the legal deadline.',
  })
  @ApiBody({ type: ExtendTaskDto, examples: { survey: { summary: 'Site survey needs time', value: { workingDays: 3, reason: '需组织联合踏勘，现场核查需要时间' } } } })
  @ApiOkResponse({ type: TaskViewDto, description: 'The task with its new due time and `extension`.' })
  @ApiIdempotent()
  @ApiErrors([400, 403, 404, 409, 422, 503], {
    403: { code: 'TASK.NOT_YOUR_DEPARTMENT', message: 'This task belongs to another department.' },
    404: { code: 'TASK.NOT_FOUND', message: 'No task 0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b.' },
    409: { code: 'TASK.ALREADY_EXTENDED', message: 'A task can be extended once; this one already was.' },
    422: { code: 'TASK.EXTENSION_BEYOND_LEGAL_LIMIT', message: "The new due time would pass the case's legal deadline (法定时限)." },
  })
  extend(@Param() p: TaskIdParam, @Body() body: ExtendTaskDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Promise<TaskView> {
    const cmd: Command<ExtendTaskRequest> = { actor, data: { taskId: p.taskId, workingDays: body.workingDays, reason: body.reason.trim() } };
    return this.rpc.request(Rpc.approval.extendTask, cmd, { correlationId });
  }
}
