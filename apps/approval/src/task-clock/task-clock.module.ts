import { Module } from '@nestjs/common';
import { ExtendTaskHandler } from '../extend-task/extend-task.handler.js';
import { ExtendTask } from '../extend-task/extend-task.js';
import { PauseTasksHandler } from '../pause-tasks/pause-tasks.handler.js';
import { PauseTasks } from '../pause-tasks/pause-tasks.js';
import { ResumeTasksHandler } from '../resume-tasks/resume-tasks.handler.js';
import { ResumeTasks } from '../resume-tasks/resume-tasks.js';
import { RepositoriesModule } from '../repositories.module.js';
import { WorkbenchModule } from '../workbench.module.js';

/**
 * The clock (#4) on approval's side: tasks pause while their case waits for a supplement (补正) and reopen when it
 * resumes; a department extends its task once (延期). Its own module so the approval module grows by one import.
 */
@Module({
  // the workbench for who may act for a department (an extension is the department's, like a decision)
  imports: [RepositoriesModule, WorkbenchModule],
  controllers: [PauseTasksHandler, ResumeTasksHandler, ExtendTaskHandler],
  providers: [PauseTasks, ResumeTasks, ExtendTask],
})
export class TaskClockModule {}
