import { ApiProperty } from '@nestjs/swagger';

export class PublicTimelineEntryDto {
  @ApiProperty({ example: '2026-11-24T10:02:41+08:00' }) at: string;
  @ApiProperty({ example: '住房和城乡建设局、税务局、自然资源局开始审查' }) event: string;
}

/**
 * What an applicant may see without logging in: nothing personal (no name, ID number, phone or address), no staff
 * names, no opinions, and no pickup code (it reaches the applicant only through the result-ready notification).
 */
export class PublicCaseStatusDto {
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) itemName: string;
  @ApiProperty({ example: 'IN_REVIEW' }) status: string;
  @ApiProperty({ example: '住房和城乡建设局审查中', description: 'The current step in words: "…审查中", "待补正材料", "待缴费", "待领取（…）", "邮寄中", "已办结", …' })
  currentStep: string;
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) acceptedAt: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) promisedDeadline: string;
  @ApiProperty({ type: [PublicTimelineEntryDto], description: 'What happened so far, in words, oldest first; internal work (assignments, warnings, opinions) is left out.' })
  timeline: PublicTimelineEntryDto[];
}
