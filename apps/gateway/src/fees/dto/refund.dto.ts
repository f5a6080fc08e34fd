import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PAYMENT_CHANNELS, RefundBodySchema } from '#libs/contracts';

/** The rules are RefundBodySchema's (#libs/contracts), shared with the fees service. */
export class RefundDto extends RefundBodySchema {
  @ApiProperty({ example: 4500, description: 'Integer fen; at most what was paid minus what was already refunded.' })
  override amountFen: number;

  @ApiProperty({ example: '申请人撤回申请,退还已缴费用', maxLength: 500 })
  override reason: string;

  @ApiPropertyOptional({ enum: PAYMENT_CHANNELS, description: 'Returned through this channel; default: the channel it was paid through.' })
  override channel?: string;

  @ApiPropertyOptional({ example: 'NRB', description: "Charge the refund to this department's share; default: the notice's lines in order." })
  override department?: string;
}
