import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcryptjs';
import { AppError, ErrorCodes } from '#libs/contracts';
import { TOKEN_TTL_SECONDS, type TokenClaims } from './auth-user.js';
import type { LoginReplyDto } from './dto/login-reply.dto.js';
import { UsersRepository } from './users.repository.js';

// Compared against when the user does not exist, so an unknown name takes as long as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('not-a-password', 10);

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<LoginReplyDto> {
    const user = await this.users.find(username);
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) throw new AppError(ErrorCodes.AUTH_INVALID_CREDENTIALS, 'Wrong username or password.', 401);
    const claims: TokenClaims = { sub: user.username, roles: user.roles, ...(user.department ? { department: user.department } : {}) };
    const accessToken = await this.jwt.signAsync(claims, { algorithm: 'HS256', expiresIn: TOKEN_TTL_SECONDS });
    return {
      accessToken,
      expiresIn: TOKEN_TTL_SECONDS,
      user: { username: user.username, roles: user.roles, ...(user.department ? { department: user.department } : {}) },
    };
  }
}
