import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeliveryViewDto } from '../../deliveries/dto/delivery-view.dto.js';
import { NoticeViewDto } from '../../fees/dto/notice-view.dto.js';

export class MaskedApplicantDto {
  @ApiProperty({ enum: ['PERSON', 'ORG'], example: 'PERSON' }) type: string;
  @ApiProperty({ example: '张三' }) name: string;
  @ApiProperty({ enum: ['ID_CARD', 'USCC'], example: 'ID_CARD' }) idType: string;
  @ApiProperty({ example: '1101**********002X', description: 'Masked.' }) idNumber: string;
  @ApiProperty({ example: '138****5678', description: 'Masked.' }) phone: string;
}

export class CaseTaskDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }) taskId: string;
  @ApiProperty({ example: 'NRB' }) department: string;
  @ApiProperty({ example: 1 }) stage: number;
  @ApiProperty({ enum: ['OPEN', 'APPROVED', 'REJECTED', 'SUPPLEMENT_REQUESTED', 'CANCELLED'], example: 'APPROVED' }) status: string;
  @ApiPropertyOptional({ enum: ['APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT'], example: 'APPROVE' }) decision?: string;
  @ApiPropertyOptional({ example: '材料齐全，同意登记' }) opinion?: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) dueAt: string;
  @ApiPropertyOptional({ example: 'rep.nrb' }) decidedBy?: string;
  @ApiPropertyOptional({ example: '2026-11-24T10:12:03+08:00' }) decidedAt?: string;
  @ApiPropertyOptional({ example: 'Another department rejected the case at this stage.' }) cancelReason?: string;
}

export class CaseDetailsDto {
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 'RE-TRANSFER' }) itemCode: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) itemName: string;
  @ApiProperty({ example: 'IN_REVIEW', description: "The workflow's status; ACCEPTED until routing has picked the case up." }) status: string;
  @ApiProperty({ example: '510704-C01' }) centerCode: string;
  @ApiProperty({ type: MaskedApplicantDto }) applicant: MaskedApplicantDto;
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) acceptedAt: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) promisedDeadline: string;
  @ApiProperty({ example: '2027-01-06T23:59:59+08:00' }) legalDeadline: string;
  @ApiProperty({ type: [CaseTaskDto] }) tasks: CaseTaskDto[];
  @ApiPropertyOptional({ type: NoticeViewDto }) paymentNotice?: NoticeViewDto;
  @ApiPropertyOptional({ type: [DeliveryViewDto] }) deliveries?: DeliveryViewDto[];
  @ApiPropertyOptional({
    example: ['fees'],
    isArray: true,
    enum: ['routing', 'approval', 'fees', 'delivery'],
    description: 'Services that did not answer: their parts are missing from this view, not empty.',
  })
  degraded?: string[];
}
