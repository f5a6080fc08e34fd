import { Injectable } from '@nestjs/common';
import { CaseStatus, Rpc } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { ApplicantCheck } from './applicant-check.js';
import type { PublicCaseStatusDto } from './dto/public-case-status.dto.js';
import { currentStep, publicTimeline, type Names } from './public-progress.js';

/**
 * "Where is my case?" for the applicant. Everything shown is built field by field from what the page may show:
 * no name, ID number, phone or address of anyone, no staff user, no opinion text, and no pickup code (that reaches
 * the applicant only in the result-ready notification).
 */
@Injectable()
export class PublicCasesService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly applicant: ApplicantCheck,
  ) {}

  async status(caseNo: string, idTail: string, correlationId: string): Promise<PublicCaseStatusDto> {
    const opts = { correlationId };
    await this.applicant.verify(caseNo, idTail, correlationId);
    const [c, workflow, timeline, departments, centers] = await Promise.all([
      this.rpc.request(Rpc.intake.getCase, { caseNo }, opts),
      // Required: an applicant shown a stale "ACCEPTED" would come to the window for nothing. 404: not routed yet.
      this.rpc.requestOptional(Rpc.routing.getWorkflow, { caseNo }, opts),
      this.rpc.requestOptional(Rpc.routing.getTimeline, { caseNo }, opts),
      // Names only: without them the page shows the codes.
      this.rpc.request(Rpc.intake.listDepartments, {}, opts).catch(() => []),
      this.rpc.request(Rpc.intake.listCenters, {}, opts).catch(() => []),
    ]);
    const nameOf = new Map([...departments, ...centers].map((x) => [x.code, x.name]));
    const names: Names = (code) => nameOf.get(code) ?? code;
    const status = workflow?.status ?? CaseStatus.ACCEPTED;
    const pickupCenter = names(c.delivery?.pickupCenter ?? c.centerCode);
    return {
      caseNo: c.caseNo,
      itemName: c.itemName,
      status,
      currentStep: currentStep(status, workflow ?? undefined, names, { method: c.delivery?.method, pickupCenter }),
      acceptedAt: c.acceptedAt,
      promisedDeadline: workflow?.promisedDeadline ?? c.promisedDeadline,
      timeline: publicTimeline(timeline ?? [], names),
    };
  }
}
