import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class MaterialDto {
  @ApiProperty({ example: 'M01', description: "A material code of the item's catalog entry." })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  code: string;

  @ApiProperty({ example: true, description: 'Whether the applicant handed it in.' })
  @IsBoolean()
  provided: boolean;

  @ApiPropertyOptional({ example: false, description: 'Handed in but unusable (expired, illegible, wrong document): listed as DEFECTIVE on the one-time notice.' })
  @IsOptional()
  @IsBoolean()
  defective?: boolean;

  @ApiPropertyOptional({ example: '复印件不清晰', maxLength: 500, description: 'Why it is defective; only with defective: true.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  defectReason?: string;
}
