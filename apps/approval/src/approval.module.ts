import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { PlatformModule } from '#libs/platform';
import { CancelOpenTasksHandler } from './cancel-open-tasks/cancel-open-tasks.handler.js';
import { CancelOpenTasks } from './cancel-open-tasks/cancel-open-tasks.js';
import { CancelWithdrawnTasksHandler } from './cancel-withdrawn-tasks/cancel-withdrawn-tasks.handler.js';
import { CancelWithdrawnTasks } from './cancel-withdrawn-tasks/cancel-withdrawn-tasks.js';
import { DecideTaskHandler } from './decide-task/decide-task.handler.js';
import { DecideTask } from './decide-task/decide-task.js';
import { migrations } from './migrations/index.js';
import { OpenTasksHandler } from './open-tasks/open-tasks.handler.js';
import { OpenTasks } from './open-tasks/open-tasks.js';
import { RepositoriesModule } from './repositories.module.js';
import { CancelCaseTasks } from './review-task/cancel-case-tasks.js';
import { TasksOfCaseHandler } from './tasks-of-case/tasks-of-case.handler.js';
import { TasksOfCase } from './tasks-of-case/tasks-of-case.js';
import { TaskClockModule } from './task-clock/task-clock.module.js';
import { WorkbenchModule } from './workbench.module.js';

@Module({})
export class ApprovalModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ApprovalModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'approval', migrations, config.dbPoolSize)), MessagingModule.forService(config), PlatformModule.forService(config), RepositoriesModule, WorkbenchModule, TaskClockModule],
      controllers: [
        OpenTasksHandler,
        CancelOpenTasksHandler,
        CancelWithdrawnTasksHandler,
        DecideTaskHandler,
        TasksOfCaseHandler,
      ],
      providers: [CancelCaseTasks, OpenTasks, CancelOpenTasks, CancelWithdrawnTasks, DecideTask, TasksOfCase],
    };
  }
}
