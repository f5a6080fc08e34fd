import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toShanghai } from '#libs/calendar';
import { AppError, ErrorCodes, Events, Rpc, type Command, type WithdrawReply, type WithdrawRequest } from '#libs/contracts';
import { RpcClient, UnitOfWork } from '#libs/messaging';
import { CaseRepository } from '../case/case.repository.js';
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
    private readonly cases: CaseRepository,
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
    const c = await this.cases.get(this.ds.manager, caseNo);
    const [workflow, deliveries] = await Promise.all([
      // Routing answers 404 until it has picked the case up: nothing has happened there yet.
      this.rpc.requestOptional(Rpc.routing.getWorkflow, { caseNo }, { correlationId }),
      this.rpc.request(Rpc.delivery.deliveriesOfCase, { caseNo }, { correlationId }),
    ]);
    const blocked = withdrawalBlockedBy({ intake: c.status, workflow: workflow?.status ?? null, deliveries: deliveries.map((d) => d.status) });
    if (blocked) throw notWithdrawable(caseNo, blocked);
    return this.uow.run({ actor: cmd.actor, correlationId }, async (tx) => {
      const withdrawn = await this.cases.withdraw(tx.manager, caseNo, cmd.actor.id, reason);
      if (!withdrawn) throw notWithdrawable(caseNo, (await this.cases.get(tx.manager, caseNo)).status);
      tx.emit(Events.CaseWithdrawn, caseNo, { reason });
      return { caseNo, status: 'WITHDRAWN', withdrawnAt: toShanghai(withdrawn.withdrawn_at)!, reason };
    });
  }
}

function notWithdrawable(caseNo: string, status: string): AppError {
  return AppError.conflict(ErrorCodes.CASE_NOT_WITHDRAWABLE, `Case ${caseNo} is ${status} and can no longer be withdrawn.`, { status });
}
