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
  @ApiProperty({ description: 'JWT (HS256, iss/aud checked); send as "Authorization: Bearer <token>". Lives expiresIn seconds (≤ 15 minutes).', example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 })
  expiresIn: number;

  @ApiProperty({ description: 'Use once at POST /auth/refresh for a new pair; a spent one used again revokes the whole login.', example: 'q3v…' })
  refreshToken: string;

  @ApiProperty({ description: 'Seconds the refresh token may be used.', example: 43200 })
  refreshExpiresIn: number;

  @ApiProperty({ description: 'true after a one-time password: only POST /auth/password (and logout) work until it is changed.', example: false })
  passwordChangeRequired: boolean;

  @ApiProperty({ type: LoggedInUserDto })
  user: LoggedInUserDto;
}
