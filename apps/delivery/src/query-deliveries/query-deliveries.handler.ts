import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type DeliveryView, type PickupCodeView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { QueryDeliveries } from './query-deliveries.js';

@Controller()
export class QueryDeliveriesHandler {
  constructor(private readonly deliveries: QueryDeliveries) {}

  @OnRpc(Rpc.delivery.listDeliveries)
  list(@Payload() query: { status?: string; method?: string }): Promise<DeliveryView[]> {
    return this.deliveries.list(query);
  }

  @OnRpc(Rpc.delivery.deliveriesOfCase)
  ofCase(@Payload() query: { caseNo: string }): Promise<DeliveryView[]> {
    return this.deliveries.ofCase(query);
  }

  @OnRpc(Rpc.delivery.pickupCodeOfCase)
  pickupCode(@Payload() query: { caseNo: string }): Promise<PickupCodeView | null> {
    return this.deliveries.pickupCode(query);
  }
}
