import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import type { ServiceConfig } from '#libs/config';
import { AppError, Rpc } from '#libs/contracts';
import { caseBlocks, NATS_CONNECTION, RpcClient, type CaseBlock } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';
import { assembleCaseDetails, type Part } from './assemble-case-details.js';
import type { CaseDetailsDto } from './dto/case-details.dto.js';

@Injectable()
export class CaseDetailsService {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Asks the five services at once; only intake's answer is required (its 404 is the answer for an unknown case). */
  async get(caseNo: string, correlationId: string): Promise<CaseDetailsDto> {
    // The optional parts do not hold the page for the full RPC timeout when one service hangs (CASE_PART_TIMEOUT_MS,
    // 3000 by default: see GatewaySettings in #libs/config for why); one that runs out is named in `degraded`, not shown empty.
    const optional = { correlationId, timeoutMs: this.config.casePartTimeoutMs };
    const [intakeCase, workflow, tasks, notice, deliveries, opinions, blocks] = await Promise.all([
      this.rpc.request(Rpc.intake.getCase, { caseNo }, { correlationId }),
      part(this.rpc.request(Rpc.routing.getWorkflow, { caseNo }, optional)),
      part(this.rpc.request(Rpc.approval.tasksOfCase, { caseNo }, optional)),
      part(this.rpc.request(Rpc.fees.noticeOfCase, { caseNo }, optional)),
      part(this.rpc.request(Rpc.delivery.deliveriesOfCase, { caseNo }, optional)),
      part(this.rpc.request(Rpc.approval.opinionsOfCase, { caseNo }, optional)),
      // Parked events of this case (the dead-letter stream's subjects name the case): the case is BLOCKED while any are.
      part<CaseBlock[]>(caseBlocks(this.nc, this.config.namespace, caseNo)),
    ]);
    return assembleCaseDetails({ intakeCase, workflow, tasks, notice, deliveries, opinions, blocks });
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
