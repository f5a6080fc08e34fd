import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type NoticeView } from '#libs/contracts';
import { QueryNotices } from './query-notices.js';

@Controller()
export class QueryNoticesHandler {
  constructor(private readonly notices: QueryNotices) {}

  @MessagePattern(Rpc.fees.listNotices)
  list(@Payload() query: { status?: string }): Promise<NoticeView[]> {
    return this.notices.list(query);
  }

  @MessagePattern(Rpc.fees.noticeOfCase)
  ofCase(@Payload() query: { caseNo: string }): Promise<NoticeView | null> {
    return this.notices.ofCase(query);
  }
}
