import { Injectable } from '@nestjs/common';
import { AppError, ErrorCodes, Events, type Command, type DeliveryView, type PickupRequest } from '#libs/contracts';
import { UnitOfWork, type Tx } from '#libs/messaging';
import { commandProblems } from '../delivery/command-checks.js';
import { CaseProfileRepository } from '../case-profile/case-profile.repository.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { wrongMethod, wrongState } from '../delivery/delivery-errors.js';
import { deliveryView } from '../delivery/delivery-view.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { MAX_FAILED_PICKUPS, pickupMatches } from './pickup-check.js';

type Attempt = { released: DeliveryView } | { failedPickups: number };

/**
 * The applicant collects at the window with the pickup code and their ID card: READY → DELIVERED.
 * A failed attempt is counted in the same short transaction that checked it, under the row lock, and committed
 * before the error is answered: parallel guesses queue on the lock and cannot get past the limit together.
 */
@Injectable()
export class Pickup {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly deliveries: DeliveryRepository,
    private readonly profiles: CaseProfileRepository,
    private readonly certificates: CertificateRepository,
  ) {}

  async execute(cmd: Command<PickupRequest>, correlationId: string): Promise<DeliveryView> {
    const problems = commandProblems(cmd, { pickupCode: 16, idNumber: 32 });
    if (problems.length) throw AppError.invalid(ErrorCodes.VALIDATION, problems);
    const attempt = await this.uow.run({ actor: cmd.actor, correlationId }, (tx) => this.attempt(tx, cmd.data));
    if ('released' in attempt) return attempt.released;
    throw new AppError(ErrorCodes.PICKUP_CHECK_FAILED, 'The pickup code and ID number do not match this delivery.', 422, {
      attemptsLeft: Math.max(0, MAX_FAILED_PICKUPS - attempt.failedPickups),
    });
  }

  private async attempt(tx: Tx, req: PickupRequest): Promise<Attempt> {
    const row = await this.deliveries.lock(tx.manager, req.deliveryId.trim());
    if (row.method !== 'WINDOW') throw wrongMethod(row, 'WINDOW');
    if (row.status !== 'READY') throw wrongState(row, 'READY');
    if (row.failed_pickups >= MAX_FAILED_PICKUPS) {
      throw new AppError(ErrorCodes.PICKUP_LOCKED, 'Too many failed pickup attempts; the delivery is locked until staff verify the applicant.', 423);
    }
    const profile = await this.profiles.applicant(tx.manager, row.case_no);
    const matches = !!profile && pickupMatches({ caseNo: row.case_no, pickupCode: row.pickup_code, idHash: profile.id_hash }, req);
    if (!matches) {
      return { failedPickups: await this.deliveries.countFailedPickup(tx.manager, row.id) };
    }
    const updated = await this.deliveries.deliver(tx.manager, row, profile.applicant_name);
    tx.emit(Events.DeliveryDelivered, row.case_no, { deliveryId: row.id, method: 'WINDOW', signedBy: profile.applicant_name });
    return { released: deliveryView(updated, await this.certificates.ofCases(tx.manager, [updated.case_no])) };
  }
}
