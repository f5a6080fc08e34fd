import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type TaskView } from '#libs/contracts';
import { ListTasks, type ListTasksQuery } from './list-tasks.js';

@Controller()
export class ListTasksHandler {
  constructor(private readonly listTasks: ListTasks) {}

  @MessagePattern(Rpc.approval.listTasks)
  handle(@Payload() query: ListTasksQuery): Promise<TaskView[]> {
    return this.listTasks.run(query);
  }
}
