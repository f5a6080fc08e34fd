import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DispatchDto {
  @ApiProperty({ example: 'EMS', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  carrier: string;

  @ApiProperty({ example: '1234567890123', maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  waybillNo: string;
}
