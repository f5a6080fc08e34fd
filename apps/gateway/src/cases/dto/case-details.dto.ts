import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeliveryViewDto } from '../../deliveries/dto/delivery-view.dto.js';
import { NoticeViewDto } from '../../fees/dto/notice-view.dto.js';
import { DecidingAuthorityDto, PendingMaterialDto } from './accept-case-reply.dto.js';

export class ImmediateDecisionDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT'], example: 'APPROVE' }) decision: 'APPROVE' | 'REJECT';
  @ApiProperty({ example: '材料齐全，准予备案' }) opinion: string;
  @ApiProperty({ example: 'rep.psb' }) decidedBy: string;
  @ApiProperty({ example: 'PSB' }) department: string;
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) decidedAt: string;
}
import { OpinionViewDto } from '../../opinions/dto/opinion.dto.js';

export class MaskedApplicantDto {
  @ApiProperty({ enum: ['PERSON', 'ORG'], example: 'PERSON' }) type: string;
  @ApiProperty({ example: '张三' }) name: string;
  @ApiProperty({ enum: ['ID_CARD', 'USCC'], example: 'ID_CARD' }) idType: string;
  @ApiProperty({ example: '1101**********002X', description: 'Masked.' }) idNumber: string;
  @ApiProperty({ example: '138****5678', description: 'Masked.' }) phone: string;
}

export class RequestedMaterialViewDto {
  @ApiPropertyOptional({ example: 'M05' }) code?: string;
  @ApiProperty({ example: '完税凭证' }) name: string;
  @ApiPropertyOptional({ example: '复印件不清晰' }) reason?: string;
}

export class SuspensionDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }) suspensionId: string;
  @ApiProperty({ example: '2026-11-24T10:12:03+08:00' }) startedAt: string;
  @ApiPropertyOptional({ example: '2026-11-26T15:40:00+08:00', description: 'Absent while the case still waits.' }) endedAt?: string;
  @ApiProperty({ example: '请补充提交完税凭证原件' }) reason: string;
  @ApiProperty({ type: [RequestedMaterialViewDto] }) requested: RequestedMaterialViewDto[];
  @ApiProperty({ example: 'TAX' }) department: string;
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }) taskId: string;
  @ApiPropertyOptional({ example: 2, description: 'Working days every deadline moved by.' }) suspendedWorkingDays?: number;
  @ApiPropertyOptional({ enum: ['SUPPLIED', 'CASE_CLOSED'] }) endReason?: string;
}

export class CaseTaskDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' }) taskId: string;
  @ApiProperty({ example: 'NRB' }) department: string;
  @ApiProperty({ example: 1 }) stage: number;
  @ApiProperty({ enum: ['OPEN', 'APPROVED', 'REJECTED', 'SUPPLEMENT_REQUESTED', 'CANCELLED', 'PAUSED'], example: 'APPROVED' }) status: string;
  @ApiPropertyOptional({ enum: ['APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT'], example: 'APPROVE' }) decision?: string;
  @ApiPropertyOptional({ example: '材料齐全，同意登记' }) opinion?: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) dueAt: string;
  @ApiPropertyOptional({ example: 'backup.nrb' }) decidedBy?: string;
  @ApiPropertyOptional({ example: 'rep.nrb', description: 'Set when a backup (AB岗) decided: the chief representative they acted for.' }) onBehalfOf?: string;
  @ApiPropertyOptional({ example: '2026-11-24T10:12:03+08:00' }) decidedAt?: string;
  @ApiPropertyOptional({ example: 'Another department rejected the case at this stage.' }) cancelReason?: string;
  @ApiPropertyOptional({ example: 'rep.nrb', description: 'The user of the department the task is assigned to; absent: the whole department.' }) assignee?: string;
}

export class CaseDetailsDto {
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 'RE-TRANSFER' }) itemCode: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)', description: 'As named by the item version the case was accepted under.' }) itemName: string;
  @ApiProperty({ example: 1, description: 'The catalog version the case was accepted under; later versions do not change it.' }) itemVersion: number;
  @ApiProperty({ enum: ['IMMEDIATE', 'PROMISED', 'JOINT', 'REPORTED'], example: 'JOINT' }) caseType: string;
  @ApiProperty({
    example: 'IN_REVIEW',
    description: "The workflow's status; ACCEPTED until routing has picked the case up; BLOCKED while a service has parked an event of the case (see blockedBy).",
  })
  status: string;
  @ApiPropertyOptional({ example: 'APPROVED', description: 'BLOCKED only: the status the case had when it stopped.' }) statusBeforeBlocked?: string;
  @ApiPropertyOptional({
    description: 'BLOCKED only: which service could not handle which event, and why. A person settles it with npm run dlq (replay or discard).',
    example: [{ service: 'fees', consumer: 'fees__routing_case_approved_v1', eventType: 'routing.case.approved.v1', reason: '…', parkedAt: '2026-12-02T10:00:00+08:00', deadLetterSeq: 7 }],
  })
  blockedBy?: { service: string; consumer: string; eventType?: string; reason: string; parkedAt: string; deadLetterSeq: number }[];
  @ApiProperty({ example: '510704-C01', description: 'The accepting center.' }) centerCode: string;
  @ApiPropertyOptional({ example: '示范区政务服务中心' }) centerName?: string;
  @ApiPropertyOptional({ type: [PendingMaterialDto], description: 'Tolerant acceptance: what is still owed (empty once all are in).' })
  pendingMaterials?: PendingMaterialDto[];
  @ApiPropertyOptional({ example: '2026-11-30T23:59:59+08:00' }) pendingDueAt?: string;
  @ApiPropertyOptional({ type: DecidingAuthorityDto, description: 'Reported item (上报件): who decides it.' }) decidingAuthority?: DecidingAuthorityDto;
  @ApiPropertyOptional({ type: ImmediateDecisionDto, description: 'Immediate item (即办件): decided at the window.' }) immediateDecision?: ImmediateDecisionDto;
  @ApiPropertyOptional({ example: '2026-11-24T10:00:00+08:00' }) withdrawnAt?: string;
  @ApiPropertyOptional({ example: '申请人主动撤回' }) withdrawReason?: string;
  @ApiProperty({ type: MaskedApplicantDto }) applicant: MaskedApplicantDto;
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) acceptedAt: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00' }) promisedDeadline: string;
  @ApiProperty({ example: '2027-01-06T23:59:59+08:00' }) legalDeadline: string;
  @ApiPropertyOptional({ example: true, description: 'A deadline crossed a year without an official holiday schedule: weekends only were assumed.' })
  deadlineEstimated?: boolean;
  @ApiPropertyOptional({ example: [2027], isArray: true, type: Number }) estimatedYears?: number[];
  @ApiPropertyOptional({ type: () => [SuspensionDto], description: 'Every stop of the clock for a supplement (补正), oldest first.' })
  suspensions?: SuspensionDto[];
  @ApiPropertyOptional({
    type: [CaseTaskDto],
    description: '`[]`: no tasks. Absent, with `approval` in `degraded`: unknown right now (approval did not answer in time).',
  })
  tasks?: CaseTaskDto[];
  @ApiPropertyOptional({
    type: [OpinionViewDto],
    description:
      'Consultation opinions (会商) of the departments reviewing the case, oldest first. `[]`: none. Absent, with `approval` in `degraded`: unknown right now.',
  })
  opinions?: OpinionViewDto[];
  @ApiPropertyOptional({
    type: NoticeViewDto,
    description: 'Absent without `fees` in `degraded`: no payment notice. Absent with `fees` in `degraded`: unknown right now.',
  })
  paymentNotice?: NoticeViewDto;
  @ApiPropertyOptional({
    type: [DeliveryViewDto],
    description: '`[]`: nothing issued yet. Absent, with `delivery` in `degraded`: unknown right now (delivery did not answer in time).',
  })
  deliveries?: DeliveryViewDto[];
  @ApiPropertyOptional({
    example: ['fees'],
    isArray: true,
    enum: ['intake', 'approval', 'fees', 'delivery'],
    description:
      'Services whose part changed and that did not answer in time when it was fetched again. Their parts (intake: the case record; ' +
      'approval: `tasks`, `opinions`; fees: `paymentNotice`; delivery: `deliveries`) are shown as last known, which may be out of date, ' +
      'or are absent when never known ("unknown right now", not "none"): ask again. The status, deadlines and suspensions are ' +
      "routing's and always current (routing answers this view: when it does not, the answer is 503). Absent when every part is current.",
  })
  degraded?: string[];
  @ApiProperty({
    example: '2026-11-24T10:12:03+08:00',
    description: 'The latest event of the case this view reflects (Asia/Shanghai, to the second).',
  })
  asOf: string;
  @ApiProperty({
    example: 12,
    description:
      'Moves whenever anything this view shows moves, and only then (the ETag is made from it). 0 for a case accepted a moment ago ' +
      'that routing has not picked up yet (no ETag then).',
  })
  version: number;
}
