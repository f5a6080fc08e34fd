import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type ExtendTaskRequest, type TaskView } from '#libs/contracts';
import { RequestContext } from '#libs/messaging';
import { ExtendTask } from './extend-task.js';

@Controller()
export class ExtendTaskHandler {
  constructor(private readonly extendTask: ExtendTask) {}

  @MessagePattern(Rpc.approval.extendTask)
  handle(@Payload() command: Command<ExtendTaskRequest>, @Ctx() ctx: RequestContext): Promise<TaskView> {
    return this.extendTask.run(command, ctx.correlationId);
  }
}
