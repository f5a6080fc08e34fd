import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DeliveredDto {
  @ApiProperty({ example: '张三', maxLength: 100, description: 'Who signed the receipt.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  signedBy: string;
}
