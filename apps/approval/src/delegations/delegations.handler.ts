import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type DelegationView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { ManageDelegations } from './manage-delegations.js';

@Controller()
export class DelegationsHandler {
  constructor(private readonly delegations: ManageDelegations) {}

  @OnRpc(Rpc.approval.createDelegation)
  create(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<DelegationView> {
    return this.delegations.create(command, ctx.correlationId);
  }

  @OnRpc(Rpc.approval.listDelegations)
  list(@Payload() query: unknown): Promise<DelegationView[]> {
    return this.delegations.list(query);
  }

  @OnRpc(Rpc.approval.revokeDelegation)
  revoke(@Payload() command: Command<unknown>, @Ctx() ctx: RequestContext): Promise<DelegationView> {
    return this.delegations.revoke(command, ctx.correlationId);
  }
}
