import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type ExtendTaskRequest, type TaskView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { ExtendTask } from './extend-task.js';

@Controller()
export class ExtendTaskHandler {
  constructor(private readonly extendTask: ExtendTask) {}

  @OnRpc(Rpc.approval.extendTask)
  handle(@Payload() command: Command<ExtendTaskRequest>, @Ctx() ctx: RequestContext): Promise<TaskView> {
    return this.extendTask.execute(command, ctx.correlationId);
  }
}
