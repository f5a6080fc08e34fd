import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

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
}
