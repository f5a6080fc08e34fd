import { ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERY_METHODS, DELIVERY_STATUSES, ListDeliveriesSchema, type DeliveryStatus } from '#libs/contracts';

/** The rules are ListDeliveriesSchema's (#libs/contracts), shared with the delivery service; this adds the OpenAPI text. */
export class ListDeliveriesQuery extends ListDeliveriesSchema {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, example: 'READY', description: 'RETURNED_TO_WINDOW: a courier delivery that failed every attempt, waiting at the accepting center.' })
  override status?: DeliveryStatus;

  @ApiPropertyOptional({ enum: DELIVERY_METHODS, description: "Defaults to the caller's own kind: COURIER for a courier, WINDOW for a clerk." })
  override method?: 'WINDOW' | 'COURIER';

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  override cursor?: string;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200, default: 50 })
  override limit?: number;
}
