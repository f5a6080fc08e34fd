import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Command, type PublishItemReply, type PublishItemRequest } from '#libs/contracts';
import { PublishItem } from './publish-item.js';

@Controller()
export class PublishItemHandler {
  constructor(private readonly publishItem: PublishItem) {}

  @MessagePattern(Rpc.intake.createItem)
  create(@Payload() cmd: Command<PublishItemRequest>): Promise<PublishItemReply> {
    return this.publishItem.create(cmd);
  }

  @MessagePattern(Rpc.intake.publishItem)
  publish(@Payload() cmd: Command<PublishItemRequest>): Promise<PublishItemReply> {
    return this.publishItem.publish(cmd);
  }
}
