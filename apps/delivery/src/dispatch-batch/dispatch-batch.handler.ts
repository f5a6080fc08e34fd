import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type DispatchBatchView } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { DispatchBatch } from './dispatch-batch.js';
import { DispatchSlip } from './dispatch-slip.js';

@Controller()
export class DispatchBatchHandler {
  constructor(
    private readonly dispatchBatch: DispatchBatch,
    private readonly dispatchSlip: DispatchSlip,
  ) {}

  @OnRpc(Rpc.delivery.createDispatchBatch)
  create(@Payload() cmd: Command<unknown>, @Ctx() ctx: RequestContext): Promise<DispatchBatchView> {
    return this.dispatchBatch.execute(cmd, ctx.correlationId);
  }

  @OnRpc(Rpc.delivery.dispatchSlip)
  slip(@Payload() query: { batchId: string }): Promise<DispatchBatchView> {
    return this.dispatchSlip.execute(query);
  }
}
