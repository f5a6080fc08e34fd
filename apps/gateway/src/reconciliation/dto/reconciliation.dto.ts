import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RECONCILIATION_EXCEPTION_KINDS, ReconciliationQuerySchema } from '#libs/contracts';

/** ?date=YYYY-MM-DD: the rules are ReconciliationQuerySchema's (a real calendar day), the fees service checks the same. */
export class ReconciliationQueryDto extends ReconciliationQuerySchema {
  @ApiProperty({ example: '2026-11-24', description: 'The Asia/Shanghai calendar day, YYYY-MM-DD: [00:00+08:00, next day 00:00+08:00). Not a day still to come.' })
  override date: string;
}

export class CountFenDto {
  @ApiProperty({ example: 2 }) count: number;
  @ApiProperty({ example: 18000, description: 'Integer fen (分).' }) fen: number;
}

export class ReconciliationDepartmentDto {
  @ApiProperty({ example: 'NRB' }) department: string;
  @ApiPropertyOptional({ example: '自然资源和规划局' }) departmentName?: string;
  @ApiProperty({ type: CountFenDto, description: 'Notices issued that day with a line of this department: count of notices, fen of its lines.' }) issued: CountFenDto;
  @ApiProperty({ type: CountFenDto, description: "Applied payments paid that day: count of payments, this department's fen of their split." }) paid: CountFenDto;
  @ApiProperty({ type: CountFenDto, description: "Refunds that day: count of refunds, this department's fen of their split." }) refunded: CountFenDto;
  @ApiProperty({ type: CountFenDto, description: 'Notices voided that day (by their lines).' }) voided: CountFenDto;
  @ApiProperty({ type: CountFenDto, description: 'Notices that expired unpaid that day (by their lines).' }) expired: CountFenDto;
  @ApiProperty({ example: 17000, description: 'paid − refunded: what the department is owed for the day (分账).' }) netFen: number;
}

export class ReconciliationChannelDto {
  @ApiProperty({ example: 'WECHAT' }) channel: string;
  @ApiProperty({ type: CountFenDto, description: 'Applied payments.' }) paid: CountFenDto;
  @ApiProperty({ type: CountFenDto, description: 'Double payments: money received that was not owed.' }) doublePaid: CountFenDto;
  @ApiProperty({ type: CountFenDto }) refunded: CountFenDto;
  @ApiProperty({ example: 26000, description: 'paid + doublePaid − refunded.' }) netFen: number;
}

export class ReconciliationUnallocatedDto {
  @ApiProperty({ type: CountFenDto, description: 'Fen of applied payments that no split names.' }) paid: CountFenDto;
  @ApiProperty({ type: CountFenDto }) doublePaid: CountFenDto;
  @ApiProperty({ type: CountFenDto, description: 'Refunds, or their fen, that no split names (returning a double payment).' }) refunded: CountFenDto;
  @ApiProperty({ example: 9000 }) netFen: number;
}

export class ReconciliationTotalsDto {
  @ApiProperty({ type: CountFenDto }) issued: CountFenDto;
  @ApiProperty({ type: CountFenDto }) paid: CountFenDto;
  @ApiProperty({ type: CountFenDto }) doublePaid: CountFenDto;
  @ApiProperty({ type: CountFenDto }) refunded: CountFenDto;
  @ApiProperty({ type: CountFenDto }) voided: CountFenDto;
  @ApiProperty({ type: CountFenDto }) expired: CountFenDto;
  @ApiProperty({ example: 17000, description: "Σ departments' netFen." }) departmentsNetFen: number;
  @ApiProperty({ example: 26000, description: "paid + doublePaid − refunded = Σ channels' netFen = departmentsNetFen + unallocated.netFen." }) netFen: number;
}

export class ReconciliationExceptionDto {
  @ApiProperty({ enum: RECONCILIATION_EXCEPTION_KINDS, example: 'DOUBLE_PAYMENT' }) kind: string;
  @ApiPropertyOptional({ example: '510704202611230000427', description: 'Absent for a callback naming an unknown notice.' }) caseNo?: string;
  @ApiProperty({ example: 'PN202611240000012' }) noticeNo: string;
  @ApiProperty({ example: 9000, description: 'DOUBLE_PAYMENT: the payment; CALLBACK_*: what the bank reported; REFUND_OVERDUE: what is still owed back.' }) amountFen: number;
  @ApiPropertyOptional({ example: 'WECHAT' }) channel?: string;
  @ApiPropertyOptional({ example: '4200001234202611240123456789' }) reference?: string;
  @ApiProperty({ example: '2026-11-24T14:03:11+08:00', description: 'Paid, received, or (REFUND_OVERDUE) owed since.' }) at: string;
  @ApiProperty({ example: '9000 fen received (CALLBACK) for notice PN202611240000012, which was already paid: refund it.' }) detail: string;
}

export class DailyReconciliationDto {
  @ApiProperty({ example: '2026-11-24' }) date: string;
  @ApiProperty({ example: '2026-11-24T00:00:00+08:00' }) from: string;
  @ApiProperty({ example: '2026-11-25T00:00:00+08:00', description: 'Exclusive.' }) to: string;
  @ApiProperty({ example: '2026-11-25T09:00:02+08:00' }) generatedAt: string;
  @ApiProperty({ example: 5, description: 'REFUND_OVERDUE_DAYS of the fees service.' }) refundOverdueDays: number;
  @ApiProperty({ type: ReconciliationTotalsDto }) totals: ReconciliationTotalsDto;
  @ApiProperty({ type: [ReconciliationChannelDto] }) channels: ReconciliationChannelDto[];
  @ApiProperty({ type: [ReconciliationDepartmentDto] }) departments: ReconciliationDepartmentDto[];
  @ApiProperty({ type: ReconciliationUnallocatedDto }) unallocated: ReconciliationUnallocatedDto;
  @ApiProperty({ type: [ReconciliationExceptionDto] }) exceptions: ReconciliationExceptionDto[];
}
