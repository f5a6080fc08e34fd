import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type DeliveredRequest, type DeliveryView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { MarkDelivered } from './mark-delivered.js';

@Controller()
export class MarkDeliveredHandler {
  constructor(private readonly markDelivered: MarkDelivered) {}

  @OnRpc(Rpc.delivery.markDelivered)
  handle(@Payload() cmd: Command<DeliveredRequest>, @Ctx() ctx: RequestContext): Promise<DeliveryView> {
    return this.markDelivered.execute(cmd, ctx.correlationId);
  }
}
