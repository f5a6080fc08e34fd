import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DEPARTMENT_CODE } from '#libs/contracts';

export class WarningsQuery {
  @ApiPropertyOptional({ example: 'TAX', description: "Only this department's tasks (the case-level warnings have no department)." })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: 'department must be a department code: 1 to 32 upper-case letters, digits, "-" or "_"' })
  department?: string;

  @ApiPropertyOptional({
    enum: ['YELLOW', 'RED', 'BLOCKED', 'RATING_OVERDUE'],
    description: 'Only items currently at this level; BLOCKED: cases an event of which is parked as a dead letter; RATING_OVERDUE: 差评 follow-ups open past their due time.',
  })
  @IsOptional()
  @IsIn(['YELLOW', 'RED', 'BLOCKED', 'RATING_OVERDUE'])
  level?: 'YELLOW' | 'RED' | 'BLOCKED' | 'RATING_OVERDUE';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class StatsQuery {
  @ApiPropertyOptional({ example: '2026-11-01', description: 'First day (Asia/Shanghai), inclusive; default 29 days before `to`.' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date, YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Last day (Asia/Shanghai), inclusive; default today. At most 366 days in all.' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date, YYYY-MM-DD' })
  to?: string;
}

export class SupervisionWarningDto {
  @ApiProperty({ example: '510704202611230000013' }) caseNo: string;
  @ApiProperty({ example: 'RE-TRANSFER' }) itemCode: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) itemName: string;
  @ApiProperty({ enum: ['CASE', 'TASK', 'RATING'], example: 'TASK' }) subject: string;
  @ApiPropertyOptional({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }) taskId?: string;
  @ApiPropertyOptional({ example: 1 }) stage?: number;
  @ApiPropertyOptional({ example: 'TAX' }) department?: string;
  @ApiProperty({ enum: ['YELLOW', 'RED', 'BLOCKED', 'RATING_OVERDUE'], example: 'RED', description: 'The highest level raised so far; BLOCKED: a service could not handle an event of the case and parked it (see blockedBy).' }) level: string;
  @ApiPropertyOptional({ example: '2026-11-30T23:59:59+08:00', description: 'Absent for BLOCKED items: they have no clock of their own.' }) dueAt?: string;
  @ApiPropertyOptional({
    example: { service: 'fees', consumer: 'fees__routing_case_approved_v1', eventType: 'routing.case.approved.v1', reason: 'fee rule FEE-2: …', deadLetterSeq: 7 },
    description: 'BLOCKED only: which service parked which event and why; settle it with npm run dlq (replay or discard).',
  })
  blockedBy?: { service: string; consumer: string; eventType?: string; reason: string; deadLetterSeq: number };
  @ApiPropertyOptional({
    example: { followUpId: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5e', score: 2, departments: ['HUD', 'TAX', 'NRB'], openedAt: '2026-12-03T10:15:30+08:00' },
    description: 'RATING_OVERDUE only: the 差评 follow-up still open (close it with POST /supervision/ratings/follow-ups/{id}/close).',
  })
  ratingFollowUp?: { followUpId: string; score: number; departments: string[]; openedAt: string };
  @ApiProperty({ example: '2026-12-01T00:00:12+08:00' }) raisedAt: string;
}

export class ClockFiguresDto {
  @ApiProperty({ example: 12, description: 'Started (case accepted / task created) within the period.' }) accepted: number;
  @ApiProperty({ example: 10, description: 'Decided (approved or rejected) within the period.' }) completed: number;
  @ApiProperty({ example: 9, description: 'Of those completed: decided by the due time.' }) onTime: number;
  @ApiProperty({ example: 1, description: 'Of those completed: decided after the due time.' }) overdue: number;
  @ApiProperty({ example: 2.25, nullable: true, description: 'Working days from start to decision, suspensions left out.' }) averageWorkingDays: number | null;
  @ApiProperty({ example: 4.5, nullable: true, description: '90th percentile (nearest rank) of the same.' }) p90WorkingDays: number | null;
  @ApiProperty({ example: 3, description: 'Open right now, whatever their start.' }) openNow: number;
  @ApiProperty({ example: 1, description: 'Of those open: running past their due time.' }) openOverdue: number;
}

export class DepartmentFiguresDto extends ClockFiguresDto {
  @ApiProperty({ example: 'TAX' }) department: string;
}

export class ItemFiguresDto extends ClockFiguresDto {
  @ApiProperty({ example: 'RE-TRANSFER' }) itemCode: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) itemName: string;
}

export class SupervisionStatsDto {
  @ApiProperty({ example: '2026-11-01' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) to: string;
  @ApiProperty({ example: '2026-11-30T18:00:00+08:00' }) generatedAt: string;
  @ApiProperty({ type: [DepartmentFiguresDto], description: "Per department: its review tasks." }) departments: DepartmentFiguresDto[];
  @ApiProperty({ type: [ItemFiguresDto], description: 'Per service item: its cases.' }) items: ItemFiguresDto[];
}
