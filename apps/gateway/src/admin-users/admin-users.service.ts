import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCodes, type Actor } from '#libs/contracts';
import { hashPassword } from '../auth/password/password-hash.js';
import { oneTimePassword } from '../auth/password/password-policy.js';
import { RefreshTokenRepository } from '../auth/sessions/refresh-token.repository.js';
import { SecurityLogRepository } from '../auth/sessions/security-log.repository.js';
import { UserCheck } from '../auth/sessions/user-check.js';
import { UsersRepository, type UserRow } from '../auth/users.repository.js';
import type { CreateUserDto, OneTimePasswordDto, UpdateUserDto, UserViewDto } from './dto/user.dto.js';

const view = (u: UserRow): UserViewDto => ({
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  ...(u.department ? { department: u.department } : {}),
  centers: u.centers,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
});

/** ADMIN manages accounts: create with a one-time password, change roles/department/centers, disable, reset. Audited. */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly log: SecurityLogRepository,
    private readonly userCheck: UserCheck,
  ) {}

  async list(): Promise<UserViewDto[]> {
    return (await this.users.list()).map(view);
  }

  async create(actor: Actor, d: CreateUserDto, ip: string | null): Promise<OneTimePasswordDto> {
    const otp = oneTimePassword();
    const passwordHash = await hashPassword(otp);
    await this.ds.transaction(async (m) => {
      const created = await this.users.create(m, {
        username: d.username,
        passwordHash,
        roles: d.roles,
        department: d.department ?? null,
        displayName: d.displayName.trim(),
        centers: d.centers ?? [],
        mustChangePassword: true,
      });
      if (!created) throw AppError.conflict(ErrorCodes.USER_EXISTS, `User ${d.username} already exists.`);
      await this.log.append({ actor: actor.id, action: 'USER_CREATE', target: d.username, ip, outcome: 'OK', detail: { roles: d.roles, department: d.department, centers: d.centers } }, m);
    });
    return { username: d.username, oneTimePassword: otp };
  }

  async update(actor: Actor, username: string, d: UpdateUserDto, ip: string | null): Promise<UserViewDto> {
    const updated = await this.ds.transaction(async (m) => {
      const u = await this.users.update(m, username, d);
      if (!u) throw AppError.notFound(ErrorCodes.USER_NOT_FOUND, `No user ${username}.`);
      // A disabled user's refresh fails at once; their access token within USER_CACHE_MS.
      if (d.disabled) await this.refreshTokens.revokeUser(m, username);
      await this.log.append({ actor: actor.id, action: 'USER_UPDATE', target: username, ip, outcome: 'OK', detail: { ...d } }, m);
      return u;
    });
    this.userCheck.forget(username);
    return view(updated);
  }

  async resetPassword(actor: Actor, username: string, ip: string | null): Promise<OneTimePasswordDto> {
    const otp = oneTimePassword();
    const passwordHash = await hashPassword(otp);
    await this.ds.transaction(async (m) => {
      if (!(await this.users.find(username, m))) throw AppError.notFound(ErrorCodes.USER_NOT_FOUND, `No user ${username}.`);
      await this.users.setPassword(m, username, passwordHash, true);
      await this.refreshTokens.revokeUser(m, username);
      await this.log.append({ actor: actor.id, action: 'PASSWORD_RESET', target: username, ip, outcome: 'OK' }, m);
    });
    this.userCheck.forget(username);
    return { username, oneTimePassword: otp };
  }
}
