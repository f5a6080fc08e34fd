import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs.js';
import { RateLimited } from '../rate-limit/rate-limit.guard.js';
import { AuthService } from './auth.service.js';
import { LoginReplyDto } from './dto/login-reply.dto.js';
import { LoginDto } from './dto/login.dto.js';
import { Public } from './roles.decorator.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RateLimited('login')
  @ApiOperation({ summary: 'Log in; the token is valid for 8 hours.' })
  @ApiOkResponse({ type: LoginReplyDto })
  @ApiErrors([400])
  @ApiUnauthorizedResponse({ example: { code: 'AUTH.INVALID_CREDENTIALS', message: 'Wrong username or password.' } })
  @ApiTooManyRequestsResponse({ description: 'Per client IP and per replica.', example: { code: 'REQUEST.RATE_LIMITED', message: 'Too many requests; try again in 12 s.', retryAfterSeconds: 12 } })
  login(@Body() body: LoginDto): Promise<LoginReplyDto> {
    return this.auth.login(body.username, body.password);
  }
}
