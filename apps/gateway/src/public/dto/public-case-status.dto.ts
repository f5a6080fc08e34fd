import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What an applicant may see without logging in: nothing personal, nothing about other departments' opinions. */
export class PublicCaseStatusDto {
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) itemName: string;
  @ApiProperty({ example: 'READY_FOR_DELIVERY' }) status: string;
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) acceptedAt: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) promisedDeadline: string;
  @ApiPropertyOptional({ example: '482913', description: 'Shown once the certificates wait at the window: the code the SMS gave the applicant.' })
  pickupCode?: string;
}
