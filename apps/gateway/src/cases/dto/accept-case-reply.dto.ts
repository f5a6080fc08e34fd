import { ApiProperty } from '@nestjs/swagger';
import type { AcceptCaseReply } from '#libs/contracts';

export class AcceptCaseReplyDto implements AcceptCaseReply {
  @ApiProperty({ example: '510704202611230000427', description: 'Case number (办件编号), with its check character.' }) caseNo: string;
  @ApiProperty({ example: 'ACCEPTED' }) status: string;
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) acceptedAt: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) promisedDeadline: string;
  @ApiProperty({ example: '2027-01-06T23:59:59+08:00' }) legalDeadline: string;
}
