import { Module } from '@nestjs/common';
import { AssignTaskHandler } from './assign-task/assign-task.handler.js';
import { AssignTask } from './assign-task/assign-task.js';
import { DepartmentAuditHandler } from './audit/department-audit.handler.js';
import { DepartmentAudit } from './audit/department-audit.js';
import { BulkTasksHandler } from './bulk-tasks/bulk-tasks.handler.js';
import { BulkTasks } from './bulk-tasks/bulk-tasks.js';
import { ActingFor } from './delegations/acting-for.js';
import { DelegationsHandler } from './delegations/delegations.handler.js';
import { ManageDelegations } from './delegations/manage-delegations.js';
import { OpinionsHandler } from './opinions/opinions.handler.js';
import { Opinions } from './opinions/opinions.js';
import { RepositoriesModule } from './repositories.module.js';
import { SiteSurveysHandler } from './site-surveys/site-surveys.handler.js';
import { SiteSurveys } from './site-surveys/site-surveys.js';
import { SurveyGateCheck } from './site-surveys/survey-gate-check.js';
import { WorklistHandler } from './worklist/worklist.handler.js';
import { Worklist } from './worklist/worklist.js';

/**
 * The department workbench (#4): worklists, assignment and bulk actions, backups (AB岗), the audit trail, joint
 * site surveys and consultation opinions. Its own module so the approval module grows by one import; the survey
 * gate and who may act for a department are exported because deciding and extending a task apply them too.
 */
@Module({
  imports: [RepositoriesModule],
  controllers: [WorklistHandler, AssignTaskHandler, BulkTasksHandler, DelegationsHandler, DepartmentAuditHandler, SiteSurveysHandler, OpinionsHandler],
  providers: [ActingFor, Worklist, AssignTask, BulkTasks, ManageDelegations, DepartmentAudit, SurveyGateCheck, SiteSurveys, Opinions],
  exports: [SurveyGateCheck, ActingFor],
})
export class WorkbenchModule {}
