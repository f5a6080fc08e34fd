import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { PlatformModule } from '#libs/platform';
import { AssessFees } from './assess-fees/assess-fees.js';
import { AssessFeesHandler } from './assess-fees/assess-fees.handler.js';
import { AssessmentRepository } from './assessment/assessment.repository.js';
import { BankCallback } from './bank-callback/bank-callback.js';
import { BankCallbackHandler } from './bank-callback/bank-callback.handler.js';
import { BankCallbackRepository } from './bank-callback/bank-callback.repository.js';
import { IssueNotice } from './issue-notice/issue-notice.js';
import { IssueNoticeHandler } from './issue-notice/issue-notice.handler.js';
import { migrations } from './migrations/index.js';
import { PayeeRepository } from './payee/payee.repository.js';
import { NoticeRepository } from './payment-notice/notice.repository.js';
import { PaymentRepository } from './payment-notice/payment.repository.js';
import { RefundRepository } from './payment-notice/refund.repository.js';
import { SettleNotice } from './payment-notice/settle-notice.js';
import { GetNotice } from './get-notice/get-notice.js';
import { GetNoticeHandler } from './get-notice/get-notice.handler.js';
import { NoticeOfCase } from './get-notice/notice-of-case.js';
import { ListNotices } from './list-notices/list-notices.js';
import { ListNoticesHandler } from './list-notices/list-notices.handler.js';
import { ReconcileDay } from './reconcile-day/reconcile-day.js';
import { ReconcileDayHandler } from './reconcile-day/reconcile-day.handler.js';
import { ReconciliationRepository } from './reconciliation/reconciliation.repository.js';
import { RecordPayment } from './record-payment/record-payment.js';
import { RecordPaymentHandler } from './record-payment/record-payment.handler.js';
import { RefundPayment } from './refund-payment/refund-payment.js';
import { RefundPaymentHandler } from './refund-payment/refund-payment.handler.js';
import { ReissueNotice } from './reissue-notice/reissue-notice.js';
import { ReissueNoticeHandler } from './reissue-notice/reissue-notice.handler.js';
import { SeedPayees } from './seed/seed-payees.js';
import { SettleWithdrawn } from './settle-withdrawn/settle-withdrawn.js';
import { SettleWithdrawnHandler } from './settle-withdrawn/settle-withdrawn.handler.js';

@Module({})
export class FeesModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: FeesModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'fees', migrations, config.dbPoolSize)), MessagingModule.forService(config), PlatformModule.forService(config)],
      controllers: [
        AssessFeesHandler,
        IssueNoticeHandler,
        RecordPaymentHandler,
        BankCallbackHandler,
        ReissueNoticeHandler,
        RefundPaymentHandler,
        ListNoticesHandler,
        GetNoticeHandler,
        SettleWithdrawnHandler,
        ReconcileDayHandler,
      ],
      providers: [
        AssessmentRepository,
        NoticeRepository,
        PaymentRepository,
        RefundRepository,
        BankCallbackRepository,
        PayeeRepository,
        SeedPayees,
        SettleNotice,
        AssessFees,
        IssueNotice,
        RecordPayment,
        BankCallback,
        ReissueNotice,
        RefundPayment,
        ListNotices,
        GetNotice,
        NoticeOfCase,
        SettleWithdrawn,
        ReconciliationRepository,
        ReconcileDay,
      ],
    };
  }
}
