import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type ListNoticesQuery, type NoticePage } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { ListNotices } from './list-notices.js';

@Controller()
export class ListNoticesHandler {
  constructor(private readonly listNotices: ListNotices) {}

  @OnRpc(Rpc.fees.listNotices)
  list(@Payload() query: ListNoticesQuery): Promise<NoticePage> {
    return this.listNotices.execute(query);
  }
}
