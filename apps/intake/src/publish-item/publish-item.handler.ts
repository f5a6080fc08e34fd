import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type Command, type PublishItemReply, type PublishItemRequest } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { CreateItem } from './create-item.js';
import { PublishItem } from './publish-item.js';

@Controller()
export class PublishItemHandler {
  constructor(
    private readonly createItem: CreateItem,
    private readonly publishItem: PublishItem,
  ) {}

  @OnRpc(Rpc.intake.createItem)
  create(@Payload() cmd: Command<PublishItemRequest>): Promise<PublishItemReply> {
    return this.createItem.execute(cmd);
  }

  @OnRpc(Rpc.intake.publishItem)
  publish(@Payload() cmd: Command<PublishItemRequest>): Promise<PublishItemReply> {
    return this.publishItem.execute(cmd);
  }
}
