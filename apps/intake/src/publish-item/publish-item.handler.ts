import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type Command, type PublishItemReply, type PublishItemRequest } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { PublishItem } from './publish-item.js';

@Controller()
export class PublishItemHandler {
  constructor(private readonly publishItem: PublishItem) {}

  @OnRpc(Rpc.intake.createItem)
  create(@Payload() cmd: Command<PublishItemRequest>): Promise<PublishItemReply> {
    return this.publishItem.create(cmd);
  }

  @OnRpc(Rpc.intake.publishItem)
  publish(@Payload() cmd: Command<PublishItemRequest>): Promise<PublishItemReply> {
    return this.publishItem.publish(cmd);
  }
}
