import { ApiProperty } from '@nestjs/swagger';
import { BankCallbackSchema, PAYMENT_CHANNELS } from '#libs/contracts';

/** The rules are BankCallbackSchema's (#libs/contracts), shared with the fees service. */
export class BankCallbackDto extends BankCallbackSchema {
  @ApiProperty({ example: 'PN202612020000018', description: 'The notice number the payer quoted.' })
  override noticeNo: string;

  @ApiProperty({ example: 9000, description: 'Integer fen.' })
  override amountFen: number;

  @ApiProperty({ example: 'UP202612021015000001', description: "The bank's unique reference: a retry sends the same one." })
  override bankReference: string;

  @ApiProperty({ enum: PAYMENT_CHANNELS, example: 'UNIONPAY' })
  override channel: string;

  @ApiProperty({ example: '2026-12-02T10:15:00+08:00', description: 'When the payer paid, with its offset.' })
  override paidAt: string;
}
