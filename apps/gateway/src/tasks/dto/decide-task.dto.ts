import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISIONS, DecisionSchema, OPINION_MAX_LENGTH, REQUESTED_MAX_ITEMS, type Decision } from '#libs/contracts';
import { RequestedMaterialDto } from './requested-material.dto.js';

/**
 * The rules are DecisionSchema's (#libs/contracts): approval checks the command with the same class, so they are
 * written once. This class only describes the body for OpenAPI.
 */
export class DecideTaskDto extends DecisionSchema {
  @ApiProperty({ enum: DECISIONS, example: 'REJECT' })
  override decision: Decision;

  @ApiPropertyOptional({
    example: '申请人提供的不动产权属证书与登记簿记载不一致',
    maxLength: OPINION_MAX_LENGTH,
    description: 'Required for REJECT and REQUEST_SUPPLEMENT: the applicant is told why, or what to supply.',
  })
  override opinion?: string;

  @ApiPropertyOptional({
    type: [RequestedMaterialDto],
    maxItems: REQUESTED_MAX_ITEMS,
    description: 'Required (non-empty) for REQUEST_SUPPLEMENT, and only with it: every material the applicant must bring, at once (一次性告知).',
    example: [{ code: 'M05', name: '完税凭证', reason: '复印件不清晰，请提交原件' }],
  })
  override requested?: RequestedMaterialDto[];
}
