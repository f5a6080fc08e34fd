import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type DecideTaskRequest, type TaskView } from '#libs/contracts';
import { RequestContext } from '#libs/messaging';
import { DecideTask } from './decide-task.js';

@Controller()
export class DecideTaskHandler {
  constructor(private readonly decideTask: DecideTask) {}

  @MessagePattern(Rpc.approval.decide)
  handle(@Payload() command: Command<DecideTaskRequest>, @Ctx() ctx: RequestContext): Promise<TaskView> {
    return this.decideTask.run(command, ctx.correlationId);
  }
}
