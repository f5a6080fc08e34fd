import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type BulkTaskReply, type Command } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { BulkTasks } from './bulk-tasks.js';

@Controller()
export class BulkTasksHandler {
  constructor(private readonly bulkTasks: BulkTasks) {}

  @OnRpc(Rpc.approval.bulkTasks)
  handle(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<BulkTaskReply> {
    return this.bulkTasks.execute(command, ctx.correlationId);
  }
}
