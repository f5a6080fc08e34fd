import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type TaskView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { TasksOfCase } from './tasks-of-case.js';

@Controller()
export class TasksOfCaseHandler {
  constructor(private readonly tasksOfCase: TasksOfCase) {}

  @OnRpc(Rpc.approval.tasksOfCase)
  handle(@Payload() query: { caseNo: string }): Promise<TaskView[]> {
    return this.tasksOfCase.execute(query);
  }
}
