import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type NoticeView, type ReissueNoticeRequest } from '#libs/contracts';
import { OnRpc, RequestContext } from '#libs/messaging';
import { ReissueNotice } from './reissue-notice.js';

@Controller()
export class ReissueNoticeHandler {
  constructor(private readonly reissue: ReissueNotice) {}

  @OnRpc(Rpc.fees.reissueNotice)
  reissueNotice(@Payload() cmd: Command<ReissueNoticeRequest>, @Ctx() ctx: RequestContext): Promise<NoticeView> {
    return this.reissue.execute(cmd, ctx.correlationId);
  }
}
