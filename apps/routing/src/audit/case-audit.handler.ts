import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type AuditChainReport, type CaseEventAuditRow } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { ListCaseAudit, VerifyCaseAudit } from './case-audit-queries.js';

/** The case events' audit chain, for the gateway's /supervision/audit endpoints. */
@Controller()
export class CaseAuditHandler {
  constructor(
    private readonly list: ListCaseAudit,
    private readonly verify: VerifyCaseAudit,
  ) {}

  @OnRpc(Rpc.routing.auditList)
  entries(@Payload() query: unknown): Promise<CaseEventAuditRow[]> {
    return this.list.execute(query);
  }

  @OnRpc(Rpc.routing.auditVerify)
  check(@Payload() query: unknown): Promise<AuditChainReport> {
    return this.verify.execute(query);
  }
}
