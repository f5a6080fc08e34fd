import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type NoticeView } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { QueryNotices } from './query-notices.js';

@Controller()
export class QueryNoticesHandler {
  constructor(private readonly notices: QueryNotices) {}

  @OnRpc(Rpc.fees.listNotices)
  list(@Payload() query: { status?: string }): Promise<NoticeView[]> {
    return this.notices.list(query);
  }

  @OnRpc(Rpc.fees.noticeOfCase)
  ofCase(@Payload() query: { caseNo: string }): Promise<NoticeView | null> {
    return this.notices.ofCase(query);
  }
}
