import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type TaskView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { AssignTask } from './assign-task.js';

@Controller()
export class AssignTaskHandler {
  constructor(private readonly assignTask: AssignTask) {}

  @OnRpc(Rpc.approval.assignTask)
  handle(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<TaskView> {
    return this.assignTask.execute(command, ctx.correlationId);
  }
}
