import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type SupplementReply, type SupplementRequest } from '#libs/contracts';
import { RequestContext } from '#libs/messaging';
import { SupplementCase } from './supplement-case.js';

@Controller()
export class SupplementCaseHandler {
  constructor(private readonly supplementCase: SupplementCase) {}

  @MessagePattern(Rpc.intake.supplement)
  supplement(@Payload() cmd: Command<SupplementRequest>, @Ctx() ctx: RequestContext): Promise<SupplementReply> {
    return this.supplementCase.execute(cmd, ctx.correlationId);
  }
}
