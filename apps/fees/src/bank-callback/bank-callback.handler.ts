import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type BankCallbackReply, type BankCallbackRequest } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { BankCallback } from './bank-callback.js';

@Controller()
export class BankCallbackHandler {
  constructor(private readonly callback: BankCallback) {}

  @OnRpc(Rpc.fees.bankCallback)
  receive(@Payload() req: BankCallbackRequest, @Ctx() ctx: RequestContext): Promise<BankCallbackReply> {
    return this.callback.execute(req, ctx.correlationId);
  }
}
