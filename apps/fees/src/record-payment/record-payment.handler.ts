import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type NoticeView, type RecordPaymentRequest } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { RecordPayment } from './record-payment.js';

@Controller()
export class RecordPaymentHandler {
  constructor(private readonly recordPayment: RecordPayment) {}

  @OnRpc(Rpc.fees.recordPayment)
  record(@Payload() cmd: Command<RecordPaymentRequest>, @Ctx() ctx: RequestContext): Promise<NoticeView> {
    return this.recordPayment.execute(cmd, ctx.correlationId);
  }
}
