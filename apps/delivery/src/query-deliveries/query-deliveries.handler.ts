import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type DeliveriesPage, type DeliveryView, type ListDeliveriesRequest } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { DeliveriesOfCase } from './deliveries-of-case.js';
import { ListDeliveries } from './list-deliveries.js';

/** What the delivery window and the courier desk read. The pickup code is never answered: only the applicant's notification carries it. */
@Controller()
export class QueryDeliveriesHandler {
  constructor(
    private readonly listDeliveries: ListDeliveries,
    private readonly deliveriesOfCase: DeliveriesOfCase,
  ) {}

  @OnRpc(Rpc.delivery.listDeliveries)
  list(@Payload() query: ListDeliveriesRequest): Promise<DeliveriesPage<DeliveryView>> {
    return this.listDeliveries.execute(query);
  }

  @OnRpc(Rpc.delivery.deliveriesOfCase)
  ofCase(@Payload() query: { caseNo: string }): Promise<DeliveryView[]> {
    return this.deliveriesOfCase.execute(query);
  }
}
