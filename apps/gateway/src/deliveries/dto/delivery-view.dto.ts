import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CertificateDto {
  @ApiProperty({ example: 'CERT-NRB-2026-000123' }) certificateNo: string;
  @ApiProperty({ example: '不动产权证书' }) name: string;
  @ApiProperty({ example: 'NRB' }) department: string;
}

export class DeliveryViewDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c' }) deliveryId: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ enum: ['WINDOW', 'COURIER'], example: 'COURIER' }) method: string;
  @ApiProperty({ enum: ['READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED'], example: 'DISPATCHED', description: 'CANCELLED: the case was withdrawn while the result waited.' }) status: string;
  @ApiPropertyOptional({ example: '510704-T01', description: 'WINDOW: the center that hands the result out (the accepting one unless the applicant chose another).' }) pickupCenter?: string;
  @ApiProperty({ type: [CertificateDto] }) certificates: CertificateDto[];
  @ApiPropertyOptional({ example: '张三' }) recipient?: string;
  @ApiPropertyOptional({ example: '13812345678' }) phone?: string;
  @ApiPropertyOptional({ example: '四川省绵阳市游仙区示范路 1 号' }) address?: string;
  @ApiPropertyOptional({ example: 'EMS' }) carrier?: string;
  @ApiPropertyOptional({ example: '1234567890123' }) waybillNo?: string;
  @ApiPropertyOptional({ example: '张三' }) signedBy?: string;
  @ApiProperty({ example: '2026-11-25T09:00:00+08:00' }) createdAt: string;
  @ApiPropertyOptional({ example: '2026-11-25T14:20:00+08:00' }) dispatchedAt?: string;
  @ApiPropertyOptional({ example: '2026-11-26T10:05:31+08:00' }) deliveredAt?: string;
}
