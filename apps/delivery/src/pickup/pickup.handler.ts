import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type DeliveryView, type PickupRequest } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { Pickup } from './pickup.js';

@Controller()
export class PickupHandler {
  constructor(private readonly pickup: Pickup) {}

  @OnRpc(Rpc.delivery.pickup)
  handle(@Payload() cmd: Command<PickupRequest>, @Ctx() ctx: RequestContext): Promise<DeliveryView> {
    return this.pickup.execute(cmd, ctx.correlationId);
  }
}
