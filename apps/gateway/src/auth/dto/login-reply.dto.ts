import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '#libs/contracts';

export class LoggedInUserDto {
  @ApiProperty({ example: 'rep.samr' })
  username: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['CHIEF_REP'] })
  roles: Role[];

  @ApiPropertyOptional({ example: 'SAMR', description: 'Set for chief representatives: the department they act for.' })
  department?: string;
}

export class LoginReplyDto {
  @ApiProperty({ description: 'JWT (HS256); send as "Authorization: Bearer <token>".', example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the token expires.', example: 28800 })
  expiresIn: number;

  @ApiProperty({ type: LoggedInUserDto })
  user: LoggedInUserDto;
}
