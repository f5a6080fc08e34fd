import { ApiProperty } from '@nestjs/swagger';
import { PAYMENT_CHANNELS, PaymentSchema } from '#libs/contracts';

/** The rules are PaymentSchema's (#libs/contracts), shared with the fees service. */
export class RecordPaymentDto extends PaymentSchema {
  @ApiProperty({ example: 9000, description: 'Integer fen (分): money never travels as a float. Exactly what the notice asks.' })
  override amountFen: number;

  @ApiProperty({ enum: PAYMENT_CHANNELS, example: 'WECHAT' })
  override channel: string;

  @ApiProperty({ example: '4200001234202611240123456789', maxLength: 64, description: "The channel's transaction reference; a reference is recorded once." })
  override reference: string;
}
