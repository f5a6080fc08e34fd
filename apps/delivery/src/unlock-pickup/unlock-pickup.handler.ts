import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type DeliveryView, type UnlockPickupRequest } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { UnlockPickup } from './unlock-pickup.js';

@Controller()
export class UnlockPickupHandler {
  constructor(private readonly unlockPickup: UnlockPickup) {}

  @OnRpc(Rpc.delivery.unlockPickup)
  handle(@Payload() cmd: Command<UnlockPickupRequest>, @Ctx() ctx: RequestContext): Promise<DeliveryView> {
    return this.unlockPickup.execute(cmd, ctx.correlationId);
  }
}
