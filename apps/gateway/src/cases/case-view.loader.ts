import { Inject, Injectable } from '@nestjs/common';
import type { ServiceConfig } from '#libs/config';
import { Rpc, type CaseDetailsView } from '#libs/contracts';
import { RpcClient } from '#libs/messaging';
import { SERVICE_CONFIG } from '#libs/platform';

const ASKED = Symbol('caseViews');

/**
 * routing's case view (rpc.routing.case.view): one RPC, answered from routing's read model. Within one HTTP request
 * it is asked once per case: the case-scope check (CaseAccess) and GET /cases/{caseNo} share the answer.
 */
@Injectable()
export class CaseViewLoader {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** `request`: the HTTP request to share the answer within; without it, always asked afresh. */
  load(caseNo: string, correlationId: string, request?: object): Promise<CaseDetailsView> {
    if (!request) return this.ask(caseNo, correlationId);
    const asked = ((request as Record<symbol, Map<string, Promise<CaseDetailsView>>>)[ASKED] ??= new Map());
    let view = asked.get(caseNo);
    if (!view) {
      view = this.ask(caseNo, correlationId);
      asked.set(caseNo, view);
    }
    return view;
  }

  private ask(caseNo: string, correlationId: string): Promise<CaseDetailsView> {
    // CASE_PART_TIMEOUT_MS: how long routing waits for an owner whose part it fetches again (below this RPC's timeout).
    return this.rpc.request(Rpc.routing.caseView, { caseNo, partTimeoutMs: this.config.casePartTimeoutMs }, { correlationId });
  }
}
