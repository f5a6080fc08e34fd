import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { MessagingModule } from '#libs/messaging';
import { dataSourceOptions } from '#libs/persistence';
import { PlatformModule } from '#libs/platform';
import { CancelWithdrawn } from './cancel-withdrawn/cancel-withdrawn.js';
import { CancelWithdrawnHandler } from './cancel-withdrawn/cancel-withdrawn.handler.js';
import { RecordProfile } from './case-profile/record-profile.js';
import { RecordProfileHandler } from './case-profile/record-profile.handler.js';
import { CaseProfileRepository } from './case-profile/case-profile.repository.js';
import { CertificateRepository } from './certificate/certificate.repository.js';
import { DeliveryRepository } from './delivery/delivery.repository.js';
import { Dispatch } from './dispatch/dispatch.js';
import { DispatchHandler } from './dispatch/dispatch.handler.js';
import { IssueCertificates } from './issue-certificates/issue-certificates.js';
import { Issuance } from './issue-certificates/issuance.js';
import { IssueCertificatesHandler } from './issue-certificates/issue-certificates.handler.js';
import { MarkDelivered } from './mark-delivered/mark-delivered.js';
import { MarkDeliveredHandler } from './mark-delivered/mark-delivered.handler.js';
import { migrations } from './migrations/index.js';
import { Pickup } from './pickup/pickup.js';
import { PickupHandler } from './pickup/pickup.handler.js';
import { UnlockPickup } from './unlock-pickup/unlock-pickup.js';
import { UnlockPickupHandler } from './unlock-pickup/unlock-pickup.handler.js';
import { DeliveriesOfCase } from './query-deliveries/deliveries-of-case.js';
import { ListDeliveries } from './query-deliveries/list-deliveries.js';
import { PickupCodeOfCase } from './query-deliveries/pickup-code-of-case.js';
import { QueryDeliveriesHandler } from './query-deliveries/query-deliveries.handler.js';
import { ReleaseHeld } from './release-held/release-held.js';
import { ReleaseHeldHandler } from './release-held/release-held.handler.js';

@Module({})
export class DeliveryModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: DeliveryModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'delivery', migrations, config.dbPoolSize)), MessagingModule.forService(config), PlatformModule.forService(config)],
      controllers: [
        RecordProfileHandler,
        IssueCertificatesHandler,
        ReleaseHeldHandler,
        CancelWithdrawnHandler,
        QueryDeliveriesHandler,
        DispatchHandler,
        MarkDeliveredHandler,
        PickupHandler,
        UnlockPickupHandler,
      ],
      providers: [
        CaseProfileRepository,
        CertificateRepository,
        DeliveryRepository,
        Issuance,
        RecordProfile,
        IssueCertificates,
        ReleaseHeld,
        ListDeliveries,
        DeliveriesOfCase,
        PickupCodeOfCase,
        Dispatch,
        MarkDelivered,
        Pickup,
        UnlockPickup,
        CancelWithdrawn,
      ],
    };
  }
}
