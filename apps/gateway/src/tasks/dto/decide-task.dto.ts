import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { RequestedMaterialDto } from './requested-material.dto.js';

export const DECISIONS = ['APPROVE', 'REJECT', 'REQUEST_SUPPLEMENT'] as const;

export class DecideTaskDto {
  @ApiProperty({ enum: DECISIONS, example: 'REJECT' })
  @IsIn(DECISIONS)
  decision: (typeof DECISIONS)[number];

  @ApiPropertyOptional({
    example: '申请人提供的不动产权属证书与登记簿记载不一致',
    maxLength: 2000,
    description: 'Required for REJECT and REQUEST_SUPPLEMENT: the applicant is told why, or what to supply.',
  })
  // A rejection or supplement request without reasons is exactly what the applicant must never get.
  @ValidateIf((d: DecideTaskDto) => d.decision !== 'APPROVE' || d.opinion !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'opinion is required to reject or to ask for a supplement' })
  @Matches(/\S/, { message: 'opinion must not be blank' })
  @MaxLength(2000)
  opinion?: string;

  @ApiPropertyOptional({
    type: [RequestedMaterialDto],
    description: 'Required (non-empty) for REQUEST_SUPPLEMENT: every material the applicant must bring, at once (一次性告知).',
    example: [{ code: 'M05', name: '完税凭证', reason: '复印件不清晰，请提交原件' }],
  })
  @ValidateIf((d: DecideTaskDto) => d.decision === 'REQUEST_SUPPLEMENT' || d.requested !== undefined)
  @IsArray()
  @ArrayNotEmpty({ message: 'requested must list every material the applicant is to bring' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequestedMaterialDto)
  requested?: RequestedMaterialDto[];
}
