import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ServiceConfig } from '#libs/config';
import { MessagingModule } from '#libs/messaging';
import { PiiKeyring, piiKeyringOf } from '#libs/crypto';
import { dataSourceOptions } from '#libs/persistence';
import { PlatformModule } from '#libs/platform';
import { CancelWithdrawn } from './cancel-withdrawn/cancel-withdrawn.js';
import { CancelWithdrawnHandler } from './cancel-withdrawn/cancel-withdrawn.handler.js';
import { RecordProfile } from './case-profile/record-profile.js';
import { RecordProfileHandler } from './case-profile/record-profile.handler.js';
import { CaseProfileRepository } from './case-profile/case-profile.repository.js';
import { CertificateRepository } from './certificate/certificate.repository.js';
import { DecisionLetterHandler } from './decision-letter/decision-letter.handler.js';
import { DecisionLetterOfCase } from './decision-letter/decision-letter-of-case.js';
import { DecisionLetterRepository } from './decision-letter/decision-letter.repository.js';
import { IssueDecisionLetter } from './decision-letter/issue-decision-letter.js';
import { RecordRejectionReason } from './decision-letter/record-rejection-reason.js';
import { DeliveryRepository } from './delivery/delivery.repository.js';
import { Dispatch } from './dispatch/dispatch.js';
import { DispatchHandler } from './dispatch/dispatch.handler.js';
import { IssueCertificates } from './issue-certificates/issue-certificates.js';
import { Issuance } from './issue-certificates/issuance.js';
import { IssueCertificatesHandler } from './issue-certificates/issue-certificates.handler.js';
import { MarkDelivered } from './mark-delivered/mark-delivered.js';
import { MarkDeliveredHandler } from './mark-delivered/mark-delivered.handler.js';
import { migrationsWith } from './migrations/index.js';
// notify (#10): a module of delivery, which holds the pickup code and the delivery's state (see notify-applicant.ts)
import { NotificationRepository } from './notify/notification.repository.js';
import { NotifyApplicant } from './notify/notify-applicant.js';
import { NotifyApplicantHandler } from './notify/notify-applicant.handler.js';
import { SendNotifications } from './notify/send-notifications.js';
import { SendNotificationsScheduler } from './notify/send-notifications.scheduler.js';
import { NotifySinkProvider } from './notify/sinks/sink-provider.js';
import { Pickup } from './pickup/pickup.js';
import { PickupHandler } from './pickup/pickup.handler.js';
import { UnlockPickup } from './unlock-pickup/unlock-pickup.js';
import { UnlockPickupHandler } from './unlock-pickup/unlock-pickup.handler.js';
import { DeliveriesOfCase } from './query-deliveries/deliveries-of-case.js';
import { ListDeliveries } from './query-deliveries/list-deliveries.js';
import { QueryDeliveriesHandler } from './query-deliveries/query-deliveries.handler.js';
import { ReleaseHeld } from './release-held/release-held.js';
import { ReleaseHeldHandler } from './release-held/release-held.handler.js';
// courier (#10): dispatch batches, tracking with retries and the return to the window
import { DispatchBatch } from './dispatch-batch/dispatch-batch.js';
import { DispatchBatchHandler } from './dispatch-batch/dispatch-batch.handler.js';
import { DispatchBatchRepository } from './dispatch-batch/dispatch-batch.repository.js';
import { DispatchSlip } from './dispatch-batch/dispatch-slip.js';
import { TrackDelivery } from './track-delivery/track-delivery.js';
import { TrackDeliveryHandler } from './track-delivery/track-delivery.handler.js';
import { TrackingRepository } from './track-delivery/tracking.repository.js';
// certificates (#10): numbering and signing at issuance, verification, revocation
import { CertificateKey } from './certificate/certificate-key.js';
import { RevokeCertificate } from './revoke-certificate/revoke-certificate.js';
import { RevokeCertificateHandler } from './revoke-certificate/revoke-certificate.handler.js';
import { CertificatePublicKey } from './verify-certificate/certificate-public-key.js';
import { GetCertificate } from './verify-certificate/get-certificate.js';
import { VerifyCertificate } from './verify-certificate/verify-certificate.js';
import { VerifyCertificateHandler } from './verify-certificate/verify-certificate.handler.js';

@Module({})
export class DeliveryModule {
  static register(config: ServiceConfig): DynamicModule {
    const keyring = piiKeyringOf(config.piiKeys, 'delivery');
    return {
      module: DeliveryModule,
      imports: [TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, 'delivery', migrationsWith(keyring), config.dbPoolSize)), MessagingModule.forService(config), PlatformModule.forService(config)],
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
        // courier
        DispatchBatchHandler,
        TrackDeliveryHandler,
        // certificates
        VerifyCertificateHandler,
        RevokeCertificateHandler,
        // notify
        NotifyApplicantHandler,
        // decision letters (不予许可决定书)
        DecisionLetterHandler,
      ],
      providers: [
        // Personal data (phones, addresses) sealed at rest; ID lookups by keyed HMAC.
        { provide: PiiKeyring, useValue: keyring },
        CaseProfileRepository,
        CertificateRepository,
        DeliveryRepository,
        Issuance,
        RecordProfile,
        IssueCertificates,
        ReleaseHeld,
        ListDeliveries,
        DeliveriesOfCase,
        Dispatch,
        MarkDelivered,
        Pickup,
        UnlockPickup,
        CancelWithdrawn,
        // courier
        DispatchBatchRepository,
        TrackingRepository,
        DispatchBatch,
        DispatchSlip,
        TrackDelivery,
        // certificates
        CertificateKey,
        VerifyCertificate,
        CertificatePublicKey,
        GetCertificate,
        RevokeCertificate,
        // notify
        NotificationRepository,
        NotifyApplicant,
        SendNotifications,
        SendNotificationsScheduler,
        NotifySinkProvider,
        // decision letters (不予许可决定书)
        DecisionLetterRepository,
        RecordRejectionReason,
        IssueDecisionLetter,
        DecisionLetterOfCase,
      ],
    };
  }
}
