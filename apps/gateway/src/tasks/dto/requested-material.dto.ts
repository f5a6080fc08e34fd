import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** One material a supplement request (补正) asks the applicant for: by catalog code where there is one, and by name. */
export class RequestedMaterialDto {
  @ApiPropertyOptional({ example: 'M05', description: "The material's code in the item's catalog entry, when it has one." })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  code?: string;

  @ApiProperty({ example: '完税凭证', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '复印件不清晰，请提交原件', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
