import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { HealthController, HealthService, MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { FollowProgressHandler } from './follow-progress/follow-progress.handler.js';
import { FollowProgress } from './follow-progress/follow-progress.js';
import { GetTimelineHandler } from './get-timeline/get-timeline.handler.js';
import { GetTimeline } from './get-timeline/get-timeline.js';
import { GetWorkflowHandler } from './get-workflow/get-workflow.handler.js';
import { GetWorkflow } from './get-workflow/get-workflow.js';
import { RoutingHealthHandler } from './health/health.handler.js';
import { JoinDecisionHandler } from './join-decision/join-decision.handler.js';
import { JoinDecision } from './join-decision/join-decision.js';
import { migrations } from './migrations/index.js';
import { StartWorkflowHandler } from './start-workflow/start-workflow.handler.js';
import { StartWorkflow } from './start-workflow/start-workflow.js';

@Module({})
export class RoutingModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: RoutingModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'routing', migrations)), MessagingModule.forService(config)],
      controllers: [
        HealthController,
        RoutingHealthHandler,
        StartWorkflowHandler,
        JoinDecisionHandler,
        FollowProgressHandler,
        GetWorkflowHandler,
        GetTimelineHandler,
      ],
      providers: [HealthService, StartWorkflow, JoinDecision, FollowProgress, GetWorkflow, GetTimeline],
    };
  }
}
