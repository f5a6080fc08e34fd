import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type WithdrawReply, type WithdrawRequest } from '#libs/contracts';
import { RequestContext } from '#libs/messaging';
import { WithdrawCase } from './withdraw-case.js';

@Controller()
export class WithdrawCaseHandler {
  constructor(private readonly withdrawCase: WithdrawCase) {}

  @MessagePattern(Rpc.intake.withdraw)
  withdraw(@Payload() cmd: Command<WithdrawRequest>, @Ctx() ctx: RequestContext): Promise<WithdrawReply> {
    return this.withdrawCase.execute(cmd, ctx.correlationId);
  }
}
