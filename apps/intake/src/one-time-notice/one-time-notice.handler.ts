import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type OneTimeNoticeView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { OneTimeNotices } from './one-time-notices.js';

@Controller()
export class OneTimeNoticeHandler {
  constructor(private readonly notices: OneTimeNotices) {}

  @OnRpc(Rpc.intake.getNotice)
  get(@Payload() q: { noticeNo?: string }): Promise<OneTimeNoticeView> {
    return this.notices.get(String(q?.noticeNo ?? ''));
  }
}
