import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type DeliveryView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { TrackDelivery } from './track-delivery.js';

@Controller()
export class TrackDeliveryHandler {
  constructor(private readonly trackDelivery: TrackDelivery) {}

  @OnRpc(Rpc.delivery.track)
  handle(@Payload() cmd: Command<unknown>, @Ctx() ctx: RequestContext): Promise<DeliveryView> {
    return this.trackDelivery.execute(cmd, ctx.correlationId);
  }
}
