import { Injectable } from '@nestjs/common';
import { AppError, Rpc, type CaseView, type DeliveryView, type NoticeView, type OpinionView, type TaskView, type WorkflowView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { assembleCaseDetails, type Part } from './assemble-case-details.js';
import type { CaseDetailsDto } from './dto/case-details.dto.js';

/** The optional parts should not hold the page for the full RPC timeout when one service hangs. */
const OPTIONAL_PART_TIMEOUT_MS = 2000;

@Injectable()
export class CaseDetailsService {
  constructor(private readonly rpc: RpcClient) {}

  /** Asks the five services at once; only intake's answer is required (its 404 is the answer for an unknown case). */
  async get(caseNo: string, correlationId: string): Promise<CaseDetailsDto> {
    const optional = { correlationId, timeoutMs: OPTIONAL_PART_TIMEOUT_MS };
    const [intakeCase, workflow, tasks, notice, deliveries, opinions] = await Promise.all([
      this.rpc.request<CaseView>(Rpc.intake.getCase, { caseNo }, { correlationId }),
      part(this.rpc.request<WorkflowView | null>(Rpc.routing.getWorkflow, { caseNo }, optional)),
      part(this.rpc.request<TaskView[]>(Rpc.approval.tasksOfCase, { caseNo }, optional)),
      part(this.rpc.request<NoticeView | null>(Rpc.fees.noticeOfCase, { caseNo }, optional)),
      part(this.rpc.request<DeliveryView[]>(Rpc.delivery.deliveriesOfCase, { caseNo }, optional)),
      part(this.rpc.request<OpinionView[]>(Rpc.approval.opinionsOfCase, { caseNo }, optional)),
    ]);
    return assembleCaseDetails({ intakeCase, workflow, tasks, notice, deliveries, opinions });
  }
}

/** A 404 from a service that has not heard of the case yet means "nothing there", not "service down". */
async function part<T>(answer: Promise<T>): Promise<Part<T | null>> {
  try {
    return { ok: true, value: await answer };
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return { ok: true, value: null };
    return { ok: false };
  }
}
