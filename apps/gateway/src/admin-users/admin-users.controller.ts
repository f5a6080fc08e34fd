import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import type { Request } from 'express';
import type { Actor } from '#libs/contracts';
import { CurrentActor } from '../auth/actor.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiErrors, ApiStaff } from '../common/api-docs.js';
import { AdminUsersService } from './admin-users.service.js';
import { CreateUserDto, OneTimePasswordDto, UpdateUserDto, UserViewDto } from './dto/user.dto.js';

class UsernameParam {
  @IsString()
  @Matches(/^[a-z][a-z0-9._-]{2,31}$/, { message: 'username must be 3-32 lower-case letters, digits, ".", "_" or "-"' })
  username: string;
}

const NO_USER = { code: 'USER.NOT_FOUND', message: 'No user clerk9.' };

@ApiTags('admin')
@ApiStaff()
@Roles('ADMIN')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly admin: AdminUsersService) {}

  @Get()
  @ApiOperation({ summary: 'Every account (ADMIN).' })
  @ApiOkResponse({ type: [UserViewDto] })
  list(): Promise<UserViewDto[]> {
    return this.admin.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create an account with a one-time password, shown once (ADMIN).' })
  @ApiCreatedResponse({ type: OneTimePasswordDto })
  @ApiErrors([400, 409], { 409: { code: 'USER.EXISTS', message: 'User clerk3 already exists.' } })
  create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<OneTimePasswordDto> {
    return this.admin.create(actor, body, req.ip ?? null);
  }

  @Patch(':username')
  @ApiOperation({ summary: 'Change roles, department, centers or name, or disable (ADMIN).' })
  @ApiOkResponse({ type: UserViewDto })
  @ApiErrors([400, 404], { 404: NO_USER })
  update(@Param() p: UsernameParam, @Body() body: UpdateUserDto, @CurrentActor() actor: Actor, @Req() req: Request): Promise<UserViewDto> {
    return this.admin.update(actor, p.username, body, req.ip ?? null);
  }

  @Post(':username/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new one-time password, shown once; every session of the user ends (ADMIN).' })
  @ApiOkResponse({ type: OneTimePasswordDto })
  @ApiErrors([400, 404], { 404: NO_USER })
  reset(@Param() p: UsernameParam, @CurrentActor() actor: Actor, @Req() req: Request): Promise<OneTimePasswordDto> {
    return this.admin.resetPassword(actor, p.username, req.ip ?? null);
  }
}
