import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type DeliveriesPage, type DeliveryView, type ListDeliveriesRequest, type PickupCodeView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { DeliveriesOfCase } from './deliveries-of-case.js';
import { ListDeliveries } from './list-deliveries.js';
import { PickupCodeOfCase } from './pickup-code-of-case.js';

/** What the delivery window, the courier desk and the public status page read. */
@Controller()
export class QueryDeliveriesHandler {
  constructor(
    private readonly listDeliveries: ListDeliveries,
    private readonly deliveriesOfCase: DeliveriesOfCase,
    private readonly pickupCodeOfCase: PickupCodeOfCase,
  ) {}

  @OnRpc(Rpc.delivery.listDeliveries)
  list(@Payload() query: ListDeliveriesRequest): Promise<DeliveriesPage<DeliveryView>> {
    return this.listDeliveries.execute(query);
  }

  @OnRpc(Rpc.delivery.deliveriesOfCase)
  ofCase(@Payload() query: { caseNo: string }): Promise<DeliveryView[]> {
    return this.deliveriesOfCase.execute(query);
  }

  @OnRpc(Rpc.delivery.pickupCodeOfCase)
  pickupCode(@Payload() query: { caseNo: string }): Promise<PickupCodeView | null> {
    return this.pickupCodeOfCase.execute(query);
  }
}
