import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type DeliveryView, type PickupRequest } from '#libs/contracts';
import { RequestContext } from '#libs/messaging';
import { Pickup } from './pickup.js';

@Controller()
export class PickupHandler {
  constructor(private readonly pickup: Pickup) {}

  @MessagePattern(Rpc.delivery.pickup)
  handle(@Payload() cmd: Command<PickupRequest>, @Ctx() ctx: RequestContext): Promise<DeliveryView> {
    return this.pickup.execute(cmd, ctx.correlationId);
  }
}
