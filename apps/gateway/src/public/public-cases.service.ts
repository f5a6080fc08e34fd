import { Injectable } from '@nestjs/common';
import { AppError, CaseStatus, ErrorCodes, Rpc } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import type { PublicCaseStatusDto } from './dto/public-case-status.dto.js';

// One answer for "no such case" and "not your case": the page must not confirm that a case number exists.
const notFound = () => AppError.notFound(ErrorCodes.CASE_NOT_FOUND, 'No case matches this number and ID ending.');

@Injectable()
export class PublicCasesService {
  constructor(private readonly rpc: RpcClient) {}

  async status(caseNo: string, idTail: string, correlationId: string): Promise<PublicCaseStatusDto> {
    const opts = { correlationId };
    const verdict = await this.rpc.requestOptional(Rpc.intake.verifyApplicant, { caseNo, idTail }, opts);
    if (!verdict?.match) throw notFound();
    const [c, workflow, pickup] = await Promise.all([
      this.rpc.request(Rpc.intake.getCase, { caseNo }, opts),
      // Required: an applicant shown a stale "ACCEPTED" would come to the window for nothing. 404: not routed yet.
      this.rpc.requestOptional(Rpc.routing.getWorkflow, { caseNo }, opts),
      // Optional: without it the page still answers, just without the code (the SMS has it too).
      this.rpc.request(Rpc.delivery.pickupCodeOfCase, { caseNo }, opts).catch(() => null),
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
