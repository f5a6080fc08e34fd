import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type DeliveryView, type DispatchRequest } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { Dispatch } from './dispatch.js';

@Controller()
export class DispatchHandler {
  constructor(private readonly dispatch: Dispatch) {}

  @OnRpc(Rpc.delivery.dispatch)
  handle(@Payload() cmd: Command<DispatchRequest>, @Ctx() ctx: RequestContext): Promise<DeliveryView> {
    return this.dispatch.execute(cmd, ctx.correlationId);
  }
}
