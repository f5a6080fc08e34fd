import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiErrors } from '../common/api-docs.js';
import { WithoutIdempotency } from '../idempotency/idempotency.interceptor.js';
import { RateLimited } from '../rate-limit/rate-limit.guard.js';
import type { AuthenticatedRequest } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { LoginReplyDto } from './dto/login-reply.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { ChangePasswordDto, LogoutDto, RefreshDto } from './dto/session.dto.js';
import { AllowedBeforePasswordChange, Public } from './roles.decorator.js';

const LOCKED = { code: 'AUTH.ACCOUNT_LOCKED', message: 'Too many failed logins: this account is locked for 15 more minute(s).', retryAfterSeconds: 900 };

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimited('login')
  @ApiOperation({ summary: 'Log in: a 15-minute access token and a refresh token. 5 failures in 15 minutes lock the account for 15 minutes (423).' })
  @ApiOkResponse({ type: LoginReplyDto })
  @ApiErrors([400])
  @ApiUnauthorizedResponse({ example: { code: 'AUTH.INVALID_CREDENTIALS', message: 'Wrong username or password.' } })
  @ApiResponse({ status: 423, description: 'Locked after too many failures; Retry-After says for how long.', example: LOCKED })
  @ApiTooManyRequestsResponse({ description: 'Per client IP and per replica.', example: { code: 'REQUEST.RATE_LIMITED', message: 'Too many requests; try again in 12 s.', retryAfterSeconds: 12 } })
  login(@Body() body: LoginDto, @Req() req: Request): Promise<LoginReplyDto> {
    return this.auth.login(body.username, body.password, req.ip ?? null);
  }

  // Not rate-limited per IP like logins: a refresh token is 256 random bits, and an office behind one address
  // refreshes every 15 minutes per person.
  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Trade a refresh token for a new pair. Each works once; a spent one used again revokes the whole login (every token of its family).' })
  @ApiOkResponse({ type: LoginReplyDto })
  @ApiErrors([400])
  @ApiUnauthorizedResponse({ example: { code: 'AUTH.REFRESH_REUSED', message: 'This refresh token was already used; every session of its login is revoked. Log in again.' } })
  refresh(@Body() body: RefreshDto, @Req() req: Request): Promise<LoginReplyDto> {
    return this.auth.refresh(body.refreshToken, req.ip ?? null);
  }

  @Post('logout')
  @HttpCode(204)
  @WithoutIdempotency()
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'End the session of this refresh token (or, without one, every session of the user). The access token runs out within 15 minutes.' })
  @ApiNoContentResponse()
  @ApiErrors([400, 401])
  async logout(@Body() body: LogoutDto, @Req() req: Request & AuthenticatedRequest): Promise<void> {
    await this.auth.logout(req.user!.username, body.refreshToken, req.ip ?? null);
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'Set your own password (required after a one-time password). Ends your other sessions.' })
  @ApiNoContentResponse()
  @ApiErrors([400, 401, 422], { 422: { code: 'AUTH.PASSWORD_POLICY', message: 'The new password does not meet the policy; every problem is listed.' } })
  async changePassword(@Body() body: ChangePasswordDto, @Req() req: Request & AuthenticatedRequest): Promise<void> {
    await this.auth.changePassword(req.user!.username, body.currentPassword, body.newPassword, req.ip ?? null);
  }
}
