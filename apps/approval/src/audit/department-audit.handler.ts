import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type AuditPage } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { DepartmentAudit } from './department-audit.js';

@Controller()
export class DepartmentAuditHandler {
  constructor(private readonly audit: DepartmentAudit) {}

  @OnRpc(Rpc.approval.departmentAudit)
  handle(@Payload() query: unknown): Promise<AuditPage> {
    return this.audit.execute(query);
  }
}
