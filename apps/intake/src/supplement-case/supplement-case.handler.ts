import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type SupplementReply, type SupplementRequest } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { SupplementCase } from './supplement-case.js';

@Controller()
export class SupplementCaseHandler {
  constructor(private readonly supplementCase: SupplementCase) {}

  @OnRpc(Rpc.intake.supplement)
  supplement(@Payload() cmd: Command<SupplementRequest>, @Ctx() ctx: RequestContext): Promise<SupplementReply> {
    return this.supplementCase.execute(cmd, ctx.correlationId);
  }
}
