import { Module } from '@nestjs/common';
import { AuditLogRepository } from './audit/audit-log.repository.js';
import { WithdrawnCaseRepository } from './cancel-withdrawn-tasks/withdrawn-case.repository.js';
import { DelegationRepository } from './delegations/delegation.repository.js';
import { OpinionRepository } from './opinions/opinion.repository.js';
import { ReviewTaskRepository } from './review-task/review-task.repository.js';
import { SiteSurveyRepository } from './site-surveys/site-survey.repository.js';
import { CaseClockRepository } from './task-clock/case-clock.repository.js';
import { SuspensionRepository } from './task-clock/suspension.repository.js';

const REPOSITORIES = [
  ReviewTaskRepository,
  DelegationRepository,
  SiteSurveyRepository,
  OpinionRepository,
  AuditLogRepository,
  CaseClockRepository,
  SuspensionRepository,
  WithdrawnCaseRepository,
];

/** Every statement on approval's tables, one instance each, shared by the service module and its workbench and clock parts. */
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class RepositoriesModule {}
