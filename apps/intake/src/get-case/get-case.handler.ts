import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type CaseView, type VerifyApplicantRequest } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { GetCase } from './get-case.js';

@Controller()
export class GetCaseHandler {
  constructor(private readonly getCase: GetCase) {}

  @OnRpc(Rpc.intake.getCase)
  get(@Payload() q: { caseNo: string }): Promise<CaseView> {
    return this.getCase.view(String(q.caseNo ?? ''));
  }

  @OnRpc(Rpc.intake.verifyApplicant)
  async verify(@Payload() q: VerifyApplicantRequest): Promise<{ match: boolean }> {
    return { match: await this.getCase.applicantMatches(String(q.caseNo ?? ''), String(q.idTail ?? '')) };
  }
}
