import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type OneTimeNoticeView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { GetNotice } from './get-notice.js';

@Controller()
export class OneTimeNoticeHandler {
  constructor(private readonly getNotice: GetNotice) {}

  @OnRpc(Rpc.intake.getNotice)
  get(@Payload() q: { noticeNo?: string }): Promise<OneTimeNoticeView> {
    return this.getNotice.execute(q);
  }
}
