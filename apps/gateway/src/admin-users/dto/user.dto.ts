import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ROLES, type Role } from '#libs/contracts';

const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;
const DEPARTMENT = /^[A-Z][A-Z0-9_]{1,31}$/;
const CENTER = /^[0-9]{6}-[A-Z][0-9]{2}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'clerk3', description: '3–32 lower-case letters, digits, ".", "_" or "-", starting with a letter.' })
  @IsString()
  @Matches(USERNAME, { message: 'username must be 3-32 lower-case letters, digits, ".", "_" or "-", starting with a letter' })
  username: string;

  @ApiProperty({ example: '综合窗口 3 号' })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['CLERK'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ example: 'NRB', description: 'A chief representative: the department they act for.' })
  @IsOptional()
  @IsString()
  @Matches(DEPARTMENT, { message: 'department must be a department code' })
  department?: string;

  @ApiPropertyOptional({ example: ['510704-C01'], description: 'A clerk: the centers whose cases they serve.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CENTER, { each: true, message: 'centers must be center codes like 510704-C01' })
  centers?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ example: 'NRB', nullable: true, description: 'null removes it.' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Matches(DEPARTMENT, { message: 'department must be a department code' })
  department?: string | null;

  @ApiPropertyOptional({ example: ['510704-C01'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(CENTER, { each: true, message: 'centers must be center codes like 510704-C01' })
  centers?: string[];

  @ApiPropertyOptional({ example: '综合窗口 3 号' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ example: true, description: 'true: the user can no longer log in or refresh; their access token stops within 30 s.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class UserViewDto {
  @ApiProperty({ example: 'clerk3' }) username: string;
  @ApiProperty({ example: '综合窗口 3 号' }) displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiPropertyOptional({ example: 'NRB' }) department?: string;
  @ApiProperty({ example: ['510704-C01'] }) centers: string[];
  @ApiProperty({ example: false }) disabled: boolean;
  @ApiProperty({ example: true }) mustChangePassword: boolean;
}

export class OneTimePasswordDto {
  @ApiProperty({ example: 'clerk3' }) username: string;
  @ApiProperty({ example: 'Xk7pQ2mZr9TbW4nE', description: 'Shown once: hand it over; the user must set their own at first login.' }) oneTimePassword: string;
}
