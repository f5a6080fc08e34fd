import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTICE_STATUSES } from '#libs/contracts';

export class PayeeAccountDto {
  @ApiProperty({ example: '示范区财政局非税收入汇缴结算户(自然资源局(不动产登记中心))' }) accountName: string;
  @ApiProperty({ example: '中国农业银行示范区支行' }) bank: string;
  @ApiProperty({ example: '6228 4800 1004 5107 04' }) accountNo: string;
}

export class NoticeLineDto {
  @ApiProperty({ example: 'REG-RES' }) code: string;
  @ApiProperty({ example: '不动产登记费(住宅)' }) name: string;
  @ApiProperty({ example: 'NRB' }) department: string;
  @ApiPropertyOptional({ example: '自然资源局(不动产登记中心)' }) departmentName?: string;
  @ApiProperty({ example: 8000, description: 'Integer fen (分).' }) amountFen: number;
  @ApiPropertyOptional({ example: 1 }) quantity?: number;
  @ApiPropertyOptional({ type: PayeeAccountDto }) payee?: PayeeAccountDto;
}

export class DepartmentAmountDto {
  @ApiProperty({ example: 'NRB' }) department: string;
  @ApiPropertyOptional({ example: '自然资源局(不动产登记中心)' }) departmentName?: string;
  @ApiProperty({ example: 8000 }) amountFen: number;
  @ApiPropertyOptional({ type: PayeeAccountDto }) payee?: PayeeAccountDto;
}

export class PaymentViewDto {
  @ApiProperty({ example: 9000 }) amountFen: number;
  @ApiProperty({ example: 'UNIONPAY' }) channel: string;
  @ApiProperty({ example: 'UP20261202101500001' }) reference: string;
  @ApiProperty({ enum: ['WINDOW', 'CALLBACK'] }) source: string;
  @ApiProperty({ description: 'false: a double payment, to be refunded.' }) applied: boolean;
  @ApiProperty({ example: '2026-12-02T10:15:00+08:00' }) paidAt: string;
}

export class RefundViewDto {
  @ApiProperty({ example: 'RF202612020000013' }) refundNo: string;
  @ApiProperty({ example: 'PN202612020000427' }) noticeNo: string;
  @ApiProperty({ example: 4500 }) amountFen: number;
  @ApiProperty({ example: 'POS' }) channel: string;
  @ApiProperty({ example: '申请人撤回申请,退还已缴费用' }) reason: string;
  @ApiProperty({ example: 'finance1' }) refundedBy: string;
  @ApiProperty({ example: '2026-12-03T09:30:00+08:00' }) refundedAt: string;
}

export class NoticeViewDto {
  @ApiProperty({ example: 'PN202612020000427' }) noticeNo: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiPropertyOptional({ example: '二手房转移登记' }) itemName?: string;
  @ApiPropertyOptional({ example: '510704-C01' }) centerCode?: string;
  @ApiProperty({ type: [NoticeLineDto] }) items: NoticeLineDto[];
  @ApiProperty({ type: [DepartmentAmountDto], description: 'The notice split per collecting department (分账), with each payee account.' }) split: DepartmentAmountDto[];
  @ApiProperty({ example: 9000 }) totalFen: number;
  @ApiProperty({ example: 0 }) paidFen: number;
  @ApiProperty({ example: 0 }) refundedFen: number;
  @ApiProperty({ example: 0, description: 'What may still be refunded: double payments, and what a withdrawn case paid.' }) refundableFen: number;
  @ApiProperty({
    enum: NOTICE_STATUSES,
    example: 'UNPAID',
    description: 'EXPIRED: unpaid past expiresAt (reissue it); VOID: withdrawn before payment or replaced; REFUND_DUE: withdrawn after payment, refund owed; REFUNDED: all returned.',
  })
  status: string;
  @ApiProperty({ example: '2026-12-02T10:12:04+08:00' }) issuedAt: string;
  @ApiPropertyOptional({ example: '2026-12-18T00:00:00+08:00', description: 'Payable until this instant (the end of the last valid day).' }) expiresAt?: string;
  @ApiPropertyOptional({ example: '2026-12-02T11:02:45+08:00' }) paidAt?: string;
  @ApiPropertyOptional() closedAt?: string;
  @ApiPropertyOptional() closeReason?: string;
  @ApiPropertyOptional({ description: 'The expired notice this one replaced.' }) replaces?: string;
  @ApiPropertyOptional({ description: 'The notice that replaced this one.' }) replacedBy?: string;
  @ApiPropertyOptional({ type: [PaymentViewDto] }) payments?: PaymentViewDto[];
  @ApiPropertyOptional({ type: [RefundViewDto] }) refunds?: RefundViewDto[];
}

export class NoticePageDto {
  @ApiProperty({ type: [NoticeViewDto] }) items: NoticeViewDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page.' }) nextCursor: string | null;
}
