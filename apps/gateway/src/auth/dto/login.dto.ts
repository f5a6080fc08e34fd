import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'clerk1', maxLength: 64 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ example: 'demo-password', maxLength: 200, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}
