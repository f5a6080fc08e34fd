import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type NoticeView, type RecordPaymentRequest } from '#libs/contracts';
import { RequestContext } from '#libs/messaging';
import { RecordPayment } from './record-payment.js';

@Controller()
export class RecordPaymentHandler {
  constructor(private readonly recordPayment: RecordPayment) {}

  @MessagePattern(Rpc.fees.recordPayment)
  record(@Payload() cmd: Command<RecordPaymentRequest>, @Ctx() ctx: RequestContext): Promise<NoticeView> {
    return this.recordPayment.execute(cmd, ctx.correlationId);
  }
}
