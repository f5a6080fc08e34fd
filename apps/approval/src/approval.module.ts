import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { HealthController, HealthService, MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { CancelOpenTasksHandler } from './cancel-open-tasks/cancel-open-tasks.handler.js';
import { CancelOpenTasks } from './cancel-open-tasks/cancel-open-tasks.js';
import { DecideTaskHandler } from './decide-task/decide-task.handler.js';
import { DecideTask } from './decide-task/decide-task.js';
import { ApprovalHealthHandler } from './health/health.handler.js';
import { ListTasksHandler } from './list-tasks/list-tasks.handler.js';
import { ListTasks } from './list-tasks/list-tasks.js';
import { migrations } from './migrations/index.js';
import { OpenTasksHandler } from './open-tasks/open-tasks.handler.js';
import { OpenTasks } from './open-tasks/open-tasks.js';
import { TasksOfCaseHandler } from './tasks-of-case/tasks-of-case.handler.js';
import { TasksOfCase } from './tasks-of-case/tasks-of-case.js';

@Module({})
export class ApprovalModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ApprovalModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'approval', migrations)), MessagingModule.forService(config)],
      controllers: [
        HealthController,
        ApprovalHealthHandler,
        OpenTasksHandler,
        CancelOpenTasksHandler,
        DecideTaskHandler,
        ListTasksHandler,
        TasksOfCaseHandler,
      ],
      providers: [HealthService, OpenTasks, CancelOpenTasks, DecideTask, ListTasks, TasksOfCase],
    };
  }
}
