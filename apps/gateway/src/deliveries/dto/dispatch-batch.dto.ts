import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISPATCH_BATCH_MAX, DispatchBatchSchema } from '#libs/contracts';

/** The rules are DispatchBatchSchema's (#libs/contracts), shared with the delivery service. */
export class DispatchBatchDto extends DispatchBatchSchema {
  @ApiProperty({
    type: [String],
    example: ['0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c'],
    maxItems: DISPATCH_BATCH_MAX,
    description: 'READY courier deliveries; one that is not (another method, another status, unknown) refuses the whole batch, every problem listed.',
  })
  override deliveryIds: string[];

  @ApiProperty({ example: 'EMS', maxLength: 50 })
  override carrier: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['1234567890123'],
    description: "The carrier's waybill numbers, one per delivery in the same order. Left out: the center assigns OW + date + sequence + a MOD 11-2 check character.",
  })
  override waybillNos?: string[];
}

export class DispatchBatchItemDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c' }) deliveryId: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 'OW20261202000000017' }) waybillNo: string;
  @ApiProperty({ example: '张三' }) recipient: string;
  @ApiProperty({ example: '139****9000', description: 'Masked; in full only on the printed dispatch list.' }) phone: string;
  @ApiProperty({ example: '四川省绵阳市游仙区示范路 1 号' }) address: string;
  @ApiProperty({ example: 1, description: '1 on the first dispatch, 2 on the retry after a failure.' }) attempt: number;
}

export class DispatchBatchViewDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a60' }) batchId: string;
  @ApiProperty({ example: 'EMS' }) carrier: string;
  @ApiProperty({ example: 'courier1' }) createdBy: string;
  @ApiProperty({ example: '2026-12-02T14:20:00+08:00' }) createdAt: string;
  @ApiProperty({ type: [DispatchBatchItemDto] }) items: DispatchBatchItemDto[];
}
