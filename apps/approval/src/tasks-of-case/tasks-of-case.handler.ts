import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type TaskView } from '#libs/contracts';
import { TasksOfCase } from './tasks-of-case.js';

@Controller()
export class TasksOfCaseHandler {
  constructor(private readonly tasksOfCase: TasksOfCase) {}

  @MessagePattern(Rpc.approval.tasksOfCase)
  handle(@Payload() query: { caseNo: string }): Promise<TaskView[]> {
    return this.tasksOfCase.run(query);
  }
}
