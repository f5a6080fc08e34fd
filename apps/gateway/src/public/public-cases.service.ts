import { Injectable } from '@nestjs/common';
import { AppError, CaseStatus, ErrorCodes, Rpc, type CaseView, type PickupCodeView, type WorkflowView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import type { PublicCaseStatusDto } from './dto/public-case-status.dto.js';

// One answer for "no such case" and "not your case": the page must not confirm that a case number exists.
const notFound = () => AppError.notFound(ErrorCodes.CASE_NOT_FOUND, 'No case matches this number and ID ending.');

@Injectable()
export class PublicCasesService {
  constructor(private readonly rpc: RpcClient) {}

  async status(caseNo: string, idTail: string, correlationId: string): Promise<PublicCaseStatusDto> {
    const opts = { correlationId };
    const verdict = await this.rpc.request<{ match: boolean }>(Rpc.intake.verifyApplicant, { caseNo, idTail }, opts).catch(notFoundAsNoMatch);
    if (!verdict.match) throw notFound();
    const [c, workflow, pickup] = await Promise.all([
      this.rpc.request<CaseView>(Rpc.intake.getCase, { caseNo }, opts),
      // Required: an applicant shown a stale "ACCEPTED" would come to the window for nothing. 404: not routed yet.
      this.rpc.request<WorkflowView | null>(Rpc.routing.getWorkflow, { caseNo }, opts).catch(nullOn404),
      // Optional: without it the page still answers, just without the code (the SMS has it too).
      this.rpc.request<PickupCodeView | null>(Rpc.delivery.pickupCodeOfCase, { caseNo }, opts).catch(() => null),
    ]);
    return {
      caseNo: c.caseNo,
      itemName: c.itemName,
      status: workflow?.status ?? CaseStatus.ACCEPTED,
      acceptedAt: c.acceptedAt,
      promisedDeadline: workflow?.promisedDeadline ?? c.promisedDeadline,
      ...(pickup?.pickupCode ? { pickupCode: pickup.pickupCode } : {}),
    };
  }
}

function notFoundAsNoMatch(e: unknown): { match: boolean } {
  if (e instanceof AppError && e.status === 404) return { match: false };
  throw e;
}

function nullOn404(e: unknown): null {
  if (e instanceof AppError && e.status === 404) return null;
  throw e;
}
