import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type NoticeView, type RefundRequest } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { RefundPayment } from './refund-payment.js';

@Controller()
export class RefundPaymentHandler {
  constructor(private readonly refund: RefundPayment) {}

  @OnRpc(Rpc.fees.refund)
  record(@Payload() cmd: Command<RefundRequest>, @Ctx() ctx: RequestContext): Promise<NoticeView> {
    return this.refund.execute(cmd, ctx.correlationId);
  }
}
