import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { PlatformModule } from '#libs/platform';
import { CaseViewHandler } from './case-view/case-view.handler.js';
import { CaseViewInterceptor } from './case-view/case-view.interceptor.js';
import { CaseViewNotifier } from './case-view/case-view-notifier.js';
import { CaseViewProjection } from './case-view/case-view-projection.js';
import { CaseViewRepository } from './case-view/case-view.repository.js';
import { GetCaseView } from './case-view/get-case-view.js';
import { OwnerParts } from './case-view/owner-parts.js';
import { Rechecks } from './case-view/rechecks.js';
import { ClockRepository } from './clock/clock.repository.js';
import { Clocks } from './clock/clocks.js';
import { WarningRepository } from './clock/warning.repository.js';
import { FollowProgressHandler } from './follow-progress/follow-progress.handler.js';
import { FollowProgress } from './follow-progress/follow-progress.js';
import { GetTimelineHandler } from './get-timeline/get-timeline.handler.js';
import { GetTimeline } from './get-timeline/get-timeline.js';
import { GetWorkflowHandler } from './get-workflow/get-workflow.handler.js';
import { GetWorkflow } from './get-workflow/get-workflow.js';
import { SearchCases } from './search-cases/search-cases.js';
import { SearchCasesHandler } from './search-cases/search-cases.handler.js';
import { JoinDecisionHandler } from './join-decision/join-decision.handler.js';
import { JoinDecision } from './join-decision/join-decision.js';
import { migrations } from './migrations/index.js';
import { CloseFollowUp } from './ratings/close-follow-up.js';
import { ListFollowUps } from './ratings/list-follow-ups.js';
import { RateCase } from './ratings/rate-case.js';
import { RatingRepository } from './ratings/rating.repository.js';
import { RatingSummary } from './ratings/rating-summary.js';
import { RatingWarnings } from './ratings/rating-warnings.js';
import { RatingsHandler } from './ratings/ratings.handler.js';
import { RecordExtensionHandler } from './record-extension/record-extension.handler.js';
import { RecordExtension } from './record-extension/record-extension.js';
import { ResumeCaseHandler } from './supplement/resume-case.handler.js';
import { ResumeCase } from './supplement/resume-case.js';
import { SuspendCase } from './supplement/suspend-case.js';
import { SuspensionRepository } from './supplement/suspension.repository.js';
import { SupervisionStats } from './supervision/supervision-stats.js';
import { SupervisionWarnings } from './supervision/supervision-warnings.js';
import { SupervisionHandler } from './supervision/supervision.handler.js';
import { CaseAuditHandler } from './audit/case-audit.handler.js';
import { ListCaseAudit, VerifyCaseAudit } from './audit/case-audit-queries.js';
import { CaseAuditRepository } from './audit/case-audit.repository.js';
import { WarningSweepHandler, WarningSweepHttpController } from './warning-sweep/warning-sweep.handler.js';
import { WarningSweepScheduler } from './warning-sweep/warning-sweep.scheduler.js';
import { WarningSweep } from './warning-sweep/warning-sweep.js';
import { StartWorkflowHandler } from './start-workflow/start-workflow.handler.js';
import { StartWorkflow } from './start-workflow/start-workflow.js';
import { TimelineRepository } from './timeline/timeline.repository.js';
import { TimelineWriter } from './timeline/timeline-writer.js';
import { WithdrawCaseHandler } from './withdraw-case/withdraw-case.handler.js';
import { WithdrawCase } from './withdraw-case/withdraw-case.js';
import { WorkflowTransitions } from './workflow/workflow-transitions.js';
import { WorkflowRepository } from './workflow/workflow.repository.js';
import { CaseStatusGauge } from './workflow/case-status-gauge.js';

@Module({})
export class RoutingModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: RoutingModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'routing', migrations, config.dbPoolSize)), MessagingModule.forService(config), PlatformModule.forService(config)],
      controllers: [
        StartWorkflowHandler,
        WithdrawCaseHandler,
        JoinDecisionHandler,
        FollowProgressHandler,
        GetWorkflowHandler,
        SearchCasesHandler,
        GetTimelineHandler,
        // the clock (#4): supplements, extensions, warnings, supervision
        ResumeCaseHandler,
        RecordExtensionHandler,
        WarningSweepHandler,
        WarningSweepHttpController,
        SupervisionHandler,
        // the case events' audit chain (#11)
        CaseAuditHandler,
        // 好差评 (#10)
        RatingsHandler,
        // the case view (#12)
        CaseViewHandler,
      ],
      providers: [
        // repositories: every statement on routing's tables
        WorkflowRepository,
        ClockRepository,
        WarningRepository,
        SuspensionRepository,
        TimelineRepository,
        CaseAuditRepository,
        ListCaseAudit,
        VerifyCaseAudit,
        // the moves shared by the use cases
        WorkflowTransitions,
        Clocks,
        TimelineWriter,
        SuspendCase,
        StartWorkflow,
        WithdrawCase,
        JoinDecision,
        FollowProgress,
        GetWorkflow,
        SearchCases,
        GetTimeline,
        // the clock (#4)
        ResumeCase,
        RecordExtension,
        WarningSweep,
        WarningSweepScheduler,
        SupervisionWarnings,
        SupervisionStats,
        // 好差评 (#10)
        RatingRepository,
        RateCase,
        ListFollowUps,
        CloseFollowUp,
        RatingSummary,
        RatingWarnings,
        // the case view (#12): kept after every event by the interceptor, read through on GET /cases/{caseNo}
        { provide: APP_INTERCEPTOR, useClass: CaseViewInterceptor },
        CaseViewRepository,
        CaseViewProjection,
        OwnerParts,
        Rechecks,
        GetCaseView,
        CaseViewNotifier,
        // /metrics (#13)
        CaseStatusGauge,
      ],
    };
  }
}
