import { Injectable } from '@nestjs/common';
import { maskIdNumber } from '#libs/checks';
import { AppError, checkActorCommand, ErrorCodes, Events, PickupSchema, type Command, type DeliveryView } from '#libs/contracts';
import { UnitOfWork, type Tx } from '#libs/messaging';
import { PiiKeyring } from '#libs/crypto';
import { CaseProfileRepository } from '../case-profile/case-profile.repository.js';
import { idLookup } from '../case-profile/id-hash.js';
import { CertificateRepository } from '../certificate/certificate.repository.js';
import { wrongMethod, wrongState } from '../delivery/delivery-errors.js';
import { deliveryView } from '../delivery/delivery-view.js';
import { DeliveryRepository } from '../delivery/delivery.repository.js';
import { awaitsWindowPickup, MAX_FAILED_PICKUPS, pickupMatches, proxyIdProblem, proxyPickupMatches } from './pickup-check.js';

type Attempt = { released: DeliveryView } | { failedPickups: number };

/**
 * The result is collected at the window with the pickup code: READY → DELIVERED for a WINDOW delivery, and
 * RETURNED_TO_WINDOW → DELIVERED for a courier one the carrier could not deliver. The applicant shows their ID card;
 * a proxy (委托代领) shows their own, whose number must be proxy.idNumber, and only the masked number is kept.
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
    private readonly keyring: PiiKeyring,
  ) {}

  async execute(cmd: Command<unknown>, correlationId: string): Promise<DeliveryView> {
    const req = checkActorCommand(PickupSchema, cmd, cmd?.data);
    const idProblem = req.proxy ? proxyIdProblem(req.idNumber, req.proxy.idNumber) : undefined;
    if (idProblem) throw AppError.invalid(ErrorCodes.VALIDATION, [{ field: 'idNumber', rule: 'proxyIdNumber', message: idProblem }]);
    const attempt = await this.uow.run({ actor: cmd.actor, correlationId }, (tx) => this.attempt(tx, req));
    if ('released' in attempt) return attempt.released;
    throw new AppError(ErrorCodes.PICKUP_CHECK_FAILED, 'The pickup code and ID number do not match this delivery.', 422, {
      attemptsLeft: Math.max(0, MAX_FAILED_PICKUPS - attempt.failedPickups),
    });
  }

  private async attempt(tx: Tx, req: PickupSchema): Promise<Attempt> {
    const row = await this.deliveries.lock(tx.manager, req.deliveryId.trim());
    if (!awaitsWindowPickup(row)) throw row.method === 'WINDOW' ? wrongState(row, 'READY') : wrongMethod(row, 'WINDOW');
    if (row.failed_pickups >= MAX_FAILED_PICKUPS) {
      throw new AppError(ErrorCodes.PICKUP_LOCKED, 'Too many failed pickup attempts; the delivery is locked until staff verify the applicant.', 423);
    }
    const profile = await this.profiles.applicant(tx.manager, row.case_no);
    const stored = { caseNo: row.case_no, pickupCode: row.pickup_code, idHash: profile?.id_hash ?? '' };
    const matches = !!profile && (req.proxy ? proxyPickupMatches(stored, req) : pickupMatches(stored, req, (caseNo, idNumber) => idLookup(this.keyring, caseNo, idNumber)));
    if (!matches) {
      return { failedPickups: await this.deliveries.countFailedPickup(tx.manager, row.id) };
    }
    const proxy = req.proxy && { name: req.proxy.name.trim(), idNumber: maskIdNumber(req.proxy.idNumber.trim().toUpperCase()) };
    const updated = proxy
      ? await this.deliveries.deliverToProxy(tx.manager, row, proxy.name, proxy.idNumber)
      : await this.deliveries.deliver(tx.manager, row, profile.applicant_name);
    // Handed out at the window, whichever way it was meant to go.
    tx.emit(Events.DeliveryDelivered, row.case_no, { deliveryId: row.id, method: 'WINDOW', signedBy: updated.signed_by!, ...(proxy ? { proxy } : {}) });
    return { released: deliveryView(updated, await this.certificates.ofCases(tx.manager, [updated.case_no])) };
  }
}
