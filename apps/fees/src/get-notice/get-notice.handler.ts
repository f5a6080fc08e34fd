import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type NoticeView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { GetNotice } from './get-notice.js';
import { NoticeOfCase } from './notice-of-case.js';

@Controller()
export class GetNoticeHandler {
  constructor(
    private readonly getNotice: GetNotice,
    private readonly noticeOfCase: NoticeOfCase,
  ) {}

  @OnRpc(Rpc.fees.getNotice)
  get(@Payload() query: { noticeNo: string }): Promise<NoticeView> {
    return this.getNotice.execute(query);
  }

  @OnRpc(Rpc.fees.noticeOfCase)
  ofCase(@Payload() query: { caseNo: string }): Promise<NoticeView | null> {
    return this.noticeOfCase.execute(query);
  }
}
