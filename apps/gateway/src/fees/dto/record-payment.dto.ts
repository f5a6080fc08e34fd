import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsPositive, IsString, Max, MaxLength } from 'class-validator';

export const PAYMENT_CHANNELS = ['CASH_REGISTER', 'POS', 'WECHAT', 'ALIPAY', 'BANK_TRANSFER', 'UNIONPAY'] as const;

export class RecordPaymentDto {
  @ApiProperty({ example: 9000, description: 'Integer fen (分): money never travels as a float.' })
  @IsInt()
  @IsPositive()
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen: number;

  @ApiProperty({ enum: PAYMENT_CHANNELS, example: 'WECHAT' })
  @IsIn(PAYMENT_CHANNELS)
  channel: (typeof PAYMENT_CHANNELS)[number];

  @ApiProperty({ example: '4200001234202611240123456789', maxLength: 64, description: "The channel's transaction reference; a reference is recorded once." })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  reference: string;
}
