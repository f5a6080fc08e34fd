import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class MaterialDto {
  @ApiProperty({ example: 'M01', description: "A material code of the item's catalog entry." })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  code: string;

  @ApiProperty({ example: true, description: 'Whether the applicant handed it in.' })
  @IsBoolean()
  provided: boolean;
}
