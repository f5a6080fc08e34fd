import { Injectable } from '@nestjs/common';
import { toShanghai } from '#libs/calendar';
import {
  AppError,
  ErrorCodes,
  Events,
  Rpc,
  type CaseWithdrawnData,
  type Command,
  type DeliveryView,
  type WithdrawReply,
  type WithdrawRequest,
  type WorkflowView,
} from '#libs/contracts';
import { RpcClient, UnitOfWork } from '#libs/messaging';
import { queryOne } from '#libs/persistence';
import { DataSource } from 'typeorm';
import { findCase } from '../case/case-row.js';
import { withdrawalBlockedBy } from './withdrawal-guard.js';

export const REASON_MAX_LENGTH = 1000;

/**
 * 撤回: the applicant withdraws the application, until it is rejected or its result leaves the window (dispatched or
 * collected). Intake's own record of that follows events, so routing and delivery are also asked at the moment;
 * the status guard then makes two clerks withdrawing at once produce one withdrawal. Routing, approval, fees and
 * delivery each wind down their part from the CaseWithdrawn event.
 */
@Injectable()
export class WithdrawCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly ds: DataSource,
    private readonly rpc: RpcClient,
  ) {}

  async execute(cmd: Command<WithdrawRequest>, correlationId: string): Promise<WithdrawReply> {
    const caseNo = String(cmd.data?.caseNo ?? '');
    const reason = typeof cmd.data?.reason === 'string' ? cmd.data.reason.trim() : '';
    if (!reason || reason.length > REASON_MAX_LENGTH) {
      throw AppError.invalid(ErrorCodes.CASE_INVALID, [
        { field: 'reason', rule: reason ? 'maxLength' : 'required', message: reason ? `reason must be at most ${REASON_MAX_LENGTH} characters` : 'a withdrawal records why' },
      ]);
    }
    const c = await findCase(this.ds.manager, caseNo);
    const [workflow, deliveries] = await Promise.all([
      this.rpc.request<WorkflowView | null>(Rpc.routing.getWorkflow, { caseNo }, { correlationId }).catch(nullWhenNotFound),
      this.rpc.request<DeliveryView[]>(Rpc.delivery.deliveriesOfCase, { caseNo }, { correlationId }),
    ]);
    const blocked = withdrawalBlockedBy({ intake: c.status, workflow: workflow?.status ?? null, deliveries: deliveries.map((d) => d.status) });
    if (blocked) throw notWithdrawable(caseNo, blocked);
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const withdrawn = await queryOne<{ withdrawn_at: Date }>(
        tx.manager,
        `UPDATE intake.cases SET status = 'WITHDRAWN', withdrawn_at = now(), withdrawn_by = $2, withdraw_reason = $3, version = version + 1
          WHERE case_no = $1 AND status = 'ACCEPTED'
          RETURNING withdrawn_at`,
        [caseNo, cmd.actor.id, reason],
      );
      if (!withdrawn) throw notWithdrawable(caseNo, (await findCase(tx.manager, caseNo)).status);
      tx.emit<CaseWithdrawnData>(Events.CaseWithdrawn, caseNo, { reason });
      return { caseNo, status: 'WITHDRAWN', withdrawnAt: toShanghai(withdrawn.withdrawn_at)!, reason };
    });
  }
}

function notWithdrawable(caseNo: string, status: string): AppError {
  return AppError.conflict(ErrorCodes.CASE_NOT_WITHDRAWABLE, `Case ${caseNo} is ${status} and can no longer be withdrawn.`, { status });
}

/** Routing answers 404 until it has picked the case up: nothing has happened there yet. */
function nullWhenNotFound(e: unknown): null {
  if (e instanceof AppError && e.status === 404) return null;
  throw e;
}
