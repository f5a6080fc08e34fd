import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class NoticeLineDto {
  @ApiProperty({ example: 'REG-RES' }) code: string;
  @ApiProperty({ example: '不动产登记费(住宅)' }) name: string;
  @ApiProperty({ example: 'NRB' }) department: string;
  @ApiProperty({ example: 8000, description: 'Integer fen (分).' }) amountFen: number;
  @ApiPropertyOptional({ example: 1 }) quantity?: number;
}

export class NoticeViewDto {
  @ApiProperty({ example: 'PN2026112300001' }) noticeNo: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ type: [NoticeLineDto] }) items: NoticeLineDto[];
  @ApiProperty({ example: 9000 }) totalFen: number;
  @ApiProperty({ example: 0 }) paidFen: number;
  @ApiProperty({ enum: ['UNPAID', 'PAID', 'VOID', 'REFUND_DUE', 'REFUNDED'], example: 'UNPAID', description: 'VOID: withdrawn before payment; REFUND_DUE: withdrawn after payment, refund owed.' }) status: string;
  @ApiProperty({ example: '2026-11-24T10:12:04+08:00' }) issuedAt: string;
  @ApiPropertyOptional({ example: '2026-11-24T11:02:45+08:00' }) paidAt?: string;
}
