import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type OneTimeNoticeView } from '#libs/contracts';
import { OneTimeNotices } from './one-time-notices.js';

@Controller()
export class OneTimeNoticeHandler {
  constructor(private readonly notices: OneTimeNotices) {}

  @MessagePattern(Rpc.intake.getNotice)
  get(@Payload() q: { noticeNo?: string }): Promise<OneTimeNoticeView> {
    return this.notices.get(String(q?.noticeNo ?? ''));
  }
}
