import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { PlatformModule } from '#libs/platform';
import { PiiKeyring, piiKeyringOf } from '#libs/crypto';
import { AcceptCase } from './accept-case/accept-case.js';
import { AcceptCaseHandler } from './accept-case/accept-case.handler.js';
import { CaseNumberRepository } from './case/case-number.repository.js';
import { CaseRepository } from './case/case.repository.js';
import { CatalogHandler } from './catalog/catalog.handler.js';
import { CatalogRepository } from './catalog/catalog.repository.js';
import { CenterRepository } from './catalog/center.repository.js';
import { FollowCase } from './follow-case/follow-case.js';
import { FollowCaseHandler } from './follow-case/follow-case.handler.js';
import { GetCase } from './get-case/get-case.js';
import { VerifyApplicant } from './get-case/verify-applicant.js';
import { GetCaseHandler } from './get-case/get-case.handler.js';
import { migrationsWith } from './migrations/index.js';
import { OneTimeNoticeHandler } from './one-time-notice/one-time-notice.handler.js';
import { OneTimeNoticeRepository } from './one-time-notice/one-time-notice.repository.js';
import { GetNotice } from './one-time-notice/get-notice.js';
import { OneTimeNotices } from './one-time-notice/one-time-notices.js';
import { CreateItem } from './publish-item/create-item.js';
import { PublishItem } from './publish-item/publish-item.js';
import { PublishItemHandler } from './publish-item/publish-item.handler.js';
import { CaseReceipt } from './receipt/case-receipt.js';
import { CaseReceiptHandler } from './receipt/case-receipt.handler.js';
import { GetRefusal } from './refuse-application/get-refusal.js';
import { RefuseApplication } from './refuse-application/refuse-application.js';
import { RefuseApplicationHandler } from './refuse-application/refuse-application.handler.js';
import { RefusalRepository } from './refuse-application/refusal.repository.js';
import { SeedCatalog } from './seed/seed-catalog.js';
import { SupplementCase } from './supplement-case/supplement-case.js';
import { SupplementCaseHandler } from './supplement-case/supplement-case.handler.js';
import { OverduePending } from './supervision/overdue-pending.js';
import { OverduePendingHandler } from './supervision/overdue-pending.handler.js';
import { WithdrawCase } from './withdraw-case/withdraw-case.js';
import { WithdrawCaseHandler } from './withdraw-case/withdraw-case.handler.js';

@Module({})
export class IntakeModule {
  static register(config: ServiceConfig): DynamicModule {
    const keyring = piiKeyringOf(config.piiKeys, 'intake');
    return {
      module: IntakeModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'intake', migrationsWith(keyring), config.dbPoolSize)), MessagingModule.forService(config), PlatformModule.forService(config)],
      controllers: [
        CatalogHandler,
        PublishItemHandler,
        AcceptCaseHandler,
        GetCaseHandler,
        OneTimeNoticeHandler,
        RefuseApplicationHandler,
        SupplementCaseHandler,
        WithdrawCaseHandler,
        CaseReceiptHandler,
        OverduePendingHandler,
        FollowCaseHandler,
      ],
      providers: [
        // Personal data (ID numbers, phones, addresses) sealed at rest and in events.
        { provide: PiiKeyring, useValue: keyring },
        CaseRepository,
        CaseNumberRepository,
        CatalogRepository,
        CenterRepository,
        OneTimeNoticeRepository,
        RefusalRepository,
        CreateItem,
        PublishItem,
        AcceptCase,
        GetCase,
        VerifyApplicant,
        OneTimeNotices,
        GetNotice,
        RefuseApplication,
        GetRefusal,
        SupplementCase,
        WithdrawCase,
        CaseReceipt,
        OverduePending,
        FollowCase,
        SeedCatalog,
      ],
    };
  }
}
