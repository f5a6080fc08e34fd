import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type AcceptCaseReply, type AcceptCaseRequest, type Command } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { AcceptCase } from './accept-case.js';

@Controller()
export class AcceptCaseHandler {
  constructor(private readonly acceptCase: AcceptCase) {}

  @OnRpc(Rpc.intake.acceptCase)
  accept(@Payload() cmd: Command<AcceptCaseRequest>, @Ctx() ctx: RequestContext): Promise<AcceptCaseReply> {
    return this.acceptCase.execute(cmd, ctx.correlationId);
  }
}
