import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AcceptCaseReply } from '#libs/contracts';

export class PendingMaterialDto {
  @ApiPropertyOptional({ example: 'M05' }) code?: string;
  @ApiProperty({ example: '完税凭证' }) name: string;
  @ApiPropertyOptional({ example: 'MISSING', description: 'MISSING, or DEFECTIVE with the defect.' }) reason?: string;
}

export class DecidingAuthorityDto {
  @ApiProperty({ example: 'county' }) level: string;
  @ApiProperty({ example: 'CIVIL' }) department: string;
  @ApiPropertyOptional({ example: '民政局' }) departmentName?: string;
}

export class FeeEstimateLineDto {
  @ApiProperty({ example: 'REG-RES' }) code: string;
  @ApiProperty({ example: '不动产登记费(住宅)' }) name: string;
  @ApiProperty({ example: 'NRB' }) department: string;
  @ApiProperty({ example: 8000, description: 'Integer fen.' }) amountFen: number;
  @ApiPropertyOptional({ example: 1 }) quantity?: number;
}

export class FeeEstimateDto {
  @ApiProperty({ type: [FeeEstimateLineDto] }) lines: FeeEstimateLineDto[];
  @ApiProperty({ example: 9000, description: 'Integer fen; 0: no fee.' }) totalFen: number;
}

export class AcceptCaseReplyDto implements AcceptCaseReply {
  @ApiProperty({ example: '510704202611230000427', description: 'Case number (办件编号), with its check character.' }) caseNo: string;
  @ApiProperty({ example: 'ACCEPTED' }) status: string;
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) acceptedAt: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) promisedDeadline: string;
  @ApiProperty({ example: '2027-01-06T23:59:59+08:00' }) legalDeadline: string;
  @ApiPropertyOptional({ example: true, description: 'A deadline crossed a year without an official holiday schedule: weekends only were assumed.' })
  deadlineEstimated?: boolean;
  @ApiPropertyOptional({ example: [2027], type: [Number] }) estimatedYears?: number[];
  @ApiPropertyOptional({ type: [PendingMaterialDto], description: 'Tolerant acceptance: what the applicant still owes.' })
  pendingMaterials?: PendingMaterialDto[];
  @ApiPropertyOptional({ example: '2026-11-30T23:59:59+08:00', description: 'Tolerant acceptance: by when.' }) pendingDueAt?: string;
  @ApiPropertyOptional({ enum: ['APPROVE', 'REJECT'], example: 'APPROVE', description: 'Immediate item: the decision taken at the window.' })
  decision?: 'APPROVE' | 'REJECT';
  @ApiPropertyOptional({ type: DecidingAuthorityDto, description: 'Reported item (上报件): who decides it.' }) decidingAuthority?: DecidingAuthorityDto;
  @ApiPropertyOptional({
    type: FeeEstimateDto,
    description: '预计收费: what the payment notice will ask when the case is approved, by the rules the assessment applies. Absent only when the catalog\'s fee rules cannot be applied to this form.',
  })
  feeEstimate?: FeeEstimateDto;
}
