import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type DecideTaskRequest, type TaskView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { DecideTask } from './decide-task.js';

@Controller()
export class DecideTaskHandler {
  constructor(private readonly decideTask: DecideTask) {}

  @OnRpc(Rpc.approval.decide)
  handle(@Payload() command: Command<DecideTaskRequest>, @Ctx() ctx: RequestContext): Promise<TaskView> {
    return this.decideTask.execute(command, ctx.correlationId);
  }
}
