import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RefreshDto {
  @ApiProperty({ description: 'The refreshToken of the last login or refresh.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'The session to end; without it, every session of the user ends.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: 'The password now (a one-time password after an administrator set one).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ description: 'At least 10 characters, not containing the username, not a common password.', example: '窗口三号的新密码2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newPassword: string;
}
