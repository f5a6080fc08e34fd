import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type CaseQuery, type CaseView, type VerifyApplicantReply, type VerifyApplicantRequest } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { GetCase } from './get-case.js';
import { VerifyApplicant } from './verify-applicant.js';

@Controller()
export class GetCaseHandler {
  constructor(
    private readonly getCase: GetCase,
    private readonly verifyApplicant: VerifyApplicant,
  ) {}

  @OnRpc(Rpc.intake.getCase)
  get(@Payload() q: CaseQuery): Promise<CaseView> {
    return this.getCase.execute(q);
  }

  @OnRpc(Rpc.intake.verifyApplicant)
  verify(@Payload() q: VerifyApplicantRequest): Promise<VerifyApplicantReply> {
    return this.verifyApplicant.execute(q);
  }
}
