import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type ActingDepartmentsReply, type Command, type DelegationView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { ActingDepartments } from './acting-departments.js';
import { CreateDelegation } from './create-delegation.js';
import { ListDelegations } from './list-delegations.js';
import { RevokeDelegation } from './revoke-delegation.js';

@Controller()
export class DelegationsHandler {
  constructor(
    private readonly createDelegation: CreateDelegation,
    private readonly listDelegations: ListDelegations,
    private readonly revokeDelegation: RevokeDelegation,
    private readonly actingDepartments: ActingDepartments,
  ) {}

  @OnRpc(Rpc.approval.createDelegation)
  create(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<DelegationView> {
    return this.createDelegation.execute(command, ctx.correlationId);
  }

  @OnRpc(Rpc.approval.listDelegations)
  list(@Payload() query: unknown): Promise<DelegationView[]> {
    return this.listDelegations.execute(query);
  }

  @OnRpc(Rpc.approval.revokeDelegation)
  revoke(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<DelegationView> {
    return this.revokeDelegation.execute(command, ctx.correlationId);
  }

  @OnRpc(Rpc.approval.actingDepartments)
  acting(@Payload() query: unknown): Promise<ActingDepartmentsReply> {
    return this.actingDepartments.execute(query);
  }
}
