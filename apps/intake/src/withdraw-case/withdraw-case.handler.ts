import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type WithdrawReply, type WithdrawRequest } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { WithdrawCase } from './withdraw-case.js';

@Controller()
export class WithdrawCaseHandler {
  constructor(private readonly withdrawCase: WithdrawCase) {}

  @OnRpc(Rpc.intake.withdraw)
  withdraw(@Payload() cmd: Command<WithdrawRequest>, @Ctx() ctx: RequestContext): Promise<WithdrawReply> {
    return this.withdrawCase.execute(cmd, ctx.correlationId);
  }
}
