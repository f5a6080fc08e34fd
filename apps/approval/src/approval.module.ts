import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { PlatformModule } from '#libs/platform';
import { AssignTaskHandler } from './assign-task/assign-task.handler.js';
import { AssignTask } from './assign-task/assign-task.js';
import { AuditLogRepository } from './audit/audit-log.repository.js';
import { DepartmentAuditHandler } from './audit/department-audit.handler.js';
import { DepartmentAudit } from './audit/department-audit.js';
import { BulkTasksHandler } from './bulk-tasks/bulk-tasks.handler.js';
import { BulkTasks } from './bulk-tasks/bulk-tasks.js';
import { CancelOpenTasksHandler } from './cancel-open-tasks/cancel-open-tasks.handler.js';
import { CancelOpenTasks } from './cancel-open-tasks/cancel-open-tasks.js';
import { CancelWithdrawnTasksHandler } from './cancel-withdrawn-tasks/cancel-withdrawn-tasks.handler.js';
import { CancelWithdrawnTasks } from './cancel-withdrawn-tasks/cancel-withdrawn-tasks.js';
import { WithdrawnCaseRepository } from './cancel-withdrawn-tasks/withdrawn-case.repository.js';
import { DecideTaskHandler } from './decide-task/decide-task.handler.js';
import { DecideTask } from './decide-task/decide-task.js';
import { ActingFor } from './delegations/acting-for.js';
import { ActingDepartments } from './delegations/acting-departments.js';
import { DelegationRepository } from './delegations/delegation.repository.js';
import { DelegationsHandler } from './delegations/delegations.handler.js';
import { CreateDelegation } from './delegations/create-delegation.js';
import { ListDelegations } from './delegations/list-delegations.js';
import { RevokeDelegation } from './delegations/revoke-delegation.js';
import { ExtendTaskHandler } from './extend-task/extend-task.handler.js';
import { ExtendTask } from './extend-task/extend-task.js';
import { migrations } from './migrations/index.js';
import { OpenTasksHandler } from './open-tasks/open-tasks.handler.js';
import { OpenTasks } from './open-tasks/open-tasks.js';
import { OpinionRepository } from './opinions/opinion.repository.js';
import { OpinionsHandler } from './opinions/opinions.handler.js';
import { OpinionsOfCase } from './opinions/opinions-of-case.js';
import { RecordOpinion } from './opinions/record-opinion.js';
import { PauseTasksHandler } from './pause-tasks/pause-tasks.handler.js';
import { PauseTasks } from './pause-tasks/pause-tasks.js';
import { ResumeTasksHandler } from './resume-tasks/resume-tasks.handler.js';
import { ResumeTasks } from './resume-tasks/resume-tasks.js';
import { CancelCaseTasks } from './review-task/cancel-case-tasks.js';
import { ReviewTaskRepository } from './review-task/review-task.repository.js';
import { SiteSurveyRepository } from './site-surveys/site-survey.repository.js';
import { SiteSurveysHandler } from './site-surveys/site-surveys.handler.js';
import { RecordFindings } from './site-surveys/record-findings.js';
import { ScheduleSurvey } from './site-surveys/schedule-survey.js';
import { SurveysOfCase } from './site-surveys/surveys-of-case.js';
import { SurveyGateCheck } from './site-surveys/survey-gate-check.js';
import { CaseClockRepository } from './task-clock/case-clock.repository.js';
import { SuspensionRepository } from './task-clock/suspension.repository.js';
import { TasksOfCaseHandler } from './tasks-of-case/tasks-of-case.handler.js';
import { TasksOfCase } from './tasks-of-case/tasks-of-case.js';
import { WorklistHandler } from './worklist/worklist.handler.js';
import { Worklist } from './worklist/worklist.js';

/**
 * The approval service (后台分类审批), one module: review tasks opened, decided and cancelled; the clock on its side
 * (tasks pause for a supplement, resume, are extended once); and the department workbench (worklists, assignment,
 * bulk actions, backups (AB岗), the audit trail, joint site surveys, consultation opinions).
 */
@Module({})
export class ApprovalModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: ApprovalModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'approval', migrations, config.dbPoolSize)),
        MessagingModule.forService(config),
        PlatformModule.forService(config),
      ],
      controllers: [
        // review tasks
        OpenTasksHandler,
        CancelOpenTasksHandler,
        CancelWithdrawnTasksHandler,
        DecideTaskHandler,
        TasksOfCaseHandler,
        // the workbench
        WorklistHandler,
        AssignTaskHandler,
        BulkTasksHandler,
        DelegationsHandler,
        DepartmentAuditHandler,
        SiteSurveysHandler,
        OpinionsHandler,
        // the clock
        PauseTasksHandler,
        ResumeTasksHandler,
        ExtendTaskHandler,
      ],
      providers: [
        // repositories: every statement on approval's tables
        ReviewTaskRepository,
        DelegationRepository,
        SiteSurveyRepository,
        OpinionRepository,
        AuditLogRepository,
        CaseClockRepository,
        SuspensionRepository,
        WithdrawnCaseRepository,
        // steps several use cases share
        CancelCaseTasks,
        ActingFor,
        SurveyGateCheck,
        // use cases
        OpenTasks,
        CancelOpenTasks,
        CancelWithdrawnTasks,
        DecideTask,
        TasksOfCase,
        Worklist,
        AssignTask,
        BulkTasks,
        CreateDelegation,
        ListDelegations,
        RevokeDelegation,
        ActingDepartments,
        DepartmentAudit,
        ScheduleSurvey,
        RecordFindings,
        SurveysOfCase,
        RecordOpinion,
        OpinionsOfCase,
        PauseTasks,
        ResumeTasks,
        ExtendTask,
      ],
    };
  }
}
