import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CertificateDto {
  @ApiProperty({ example: 'NRB-20260010000427' }) certificateNo: string;
  @ApiProperty({ example: '不动产权证书' }) name: string;
  @ApiProperty({ example: 'NRB' }) department: string;
}

export class TrackingEntryDto {
  @ApiProperty({ enum: ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'FAILED'], example: 'FAILED' }) status: string;
  @ApiProperty({ example: '2026-11-26T15:20:00+08:00' }) at: string;
  @ApiPropertyOptional({ example: '收件人电话无人接听' }) note?: string;
  @ApiPropertyOptional({ example: 'OW20261202000000017' }) waybillNo?: string;
  @ApiProperty({ example: 1 }) attempt: number;
}

export class ProxyViewDto {
  @ApiProperty({ example: '王五' }) name: string;
  @ApiProperty({ example: '4405**********0014' }) idNumber: string;
}

export class DeliveryViewDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c' }) deliveryId: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ enum: ['WINDOW', 'COURIER'], example: 'COURIER' }) method: string;
  @ApiProperty({ enum: ['READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED', 'RETURNED_TO_WINDOW'], example: 'DISPATCHED', description: 'CANCELLED: the case was withdrawn while the result waited. RETURNED_TO_WINDOW: the courier failed every attempt; collected at the accepting center with a pickup code.' }) status: string;
  @ApiPropertyOptional({ example: '510704-T01', description: 'WINDOW: the center that hands the result out (the accepting one unless the applicant chose another).' }) pickupCenter?: string;
  @ApiProperty({ type: [CertificateDto] }) certificates: CertificateDto[];
  @ApiPropertyOptional({ example: '张三' }) recipient?: string;
  @ApiPropertyOptional({ example: '138****5678', description: 'Masked.' }) phone?: string;
  @ApiPropertyOptional({ example: '四川省绵阳市游仙区示范路 1 号' }) address?: string;
  @ApiPropertyOptional({ example: 'EMS' }) carrier?: string;
  @ApiPropertyOptional({ example: '1234567890123' }) waybillNo?: string;
  @ApiPropertyOptional({ example: '张三' }) signedBy?: string;
  @ApiProperty({ example: '2026-11-25T09:00:00+08:00' }) createdAt: string;
  @ApiPropertyOptional({ example: '2026-11-25T14:20:00+08:00' }) dispatchedAt?: string;
  @ApiPropertyOptional({ example: '2026-11-26T10:05:31+08:00' }) deliveredAt?: string;
  @ApiPropertyOptional({ example: 1, description: 'COURIER: failed attempts so far.' }) failedAttempts?: number;
  @ApiPropertyOptional({ type: [TrackingEntryDto], description: "COURIER: the carrier's reports, oldest first." }) tracking?: TrackingEntryDto[];
  @ApiPropertyOptional({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a60', description: 'The dispatch batch it last went out in.' }) batchId?: string;
  @ApiPropertyOptional({ example: '2026-11-28T17:00:00+08:00', description: 'RETURNED_TO_WINDOW: when.' }) returnedAt?: string;
  @ApiPropertyOptional({ type: ProxyViewDto, description: 'Collected by a proxy (委托代领).' }) proxy?: ProxyViewDto;
}

export class DeliveriesPageDto {
  @ApiProperty({ type: [DeliveryViewDto] }) items: DeliveryViewDto[];
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Pass as cursor for the next page; null on the last.' }) nextCursor: string | null;
}
