import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { PlatformModule } from '#libs/platform';
import { AssessFees } from './assess-fees/assess-fees.js';
import { AssessFeesHandler } from './assess-fees/assess-fees.handler.js';
import { AssessmentRepository } from './assessment/assessment.repository.js';
import { IssueNotice } from './issue-notice/issue-notice.js';
import { IssueNoticeHandler } from './issue-notice/issue-notice.handler.js';
import { migrations } from './migrations/index.js';
import { NoticeRepository } from './payment-notice/notice.repository.js';
import { QueryNotices } from './query-notices/query-notices.js';
import { QueryNoticesHandler } from './query-notices/query-notices.handler.js';
import { RecordPayment } from './record-payment/record-payment.js';
import { RecordPaymentHandler } from './record-payment/record-payment.handler.js';
import { SettleWithdrawn } from './settle-withdrawn/settle-withdrawn.js';
import { SettleWithdrawnHandler } from './settle-withdrawn/settle-withdrawn.handler.js';

@Module({})
export class FeesModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: FeesModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'fees', migrations, config.dbPoolSize)), MessagingModule.forService(config), PlatformModule.forService(config)],
      controllers: [AssessFeesHandler, IssueNoticeHandler, RecordPaymentHandler, QueryNoticesHandler, SettleWithdrawnHandler],
      providers: [AssessmentRepository, NoticeRepository, AssessFees, IssueNotice, RecordPayment, QueryNotices, SettleWithdrawn],
    };
  }
}
