import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, type EventEnvelope, type TaskExtendedData } from '#libs/contracts';
import { EventContext, OnEvent } from '#libs/messaging';
import { RecordExtension } from './record-extension.js';

@Controller()
export class RecordExtensionHandler {
  constructor(private readonly recordExtension: RecordExtension) {}

  @OnEvent(Events.TaskExtended)
  handle(@Payload() e: EventEnvelope<TaskExtendedData>, @Ctx() ctx: EventContext): Promise<void> {
    return this.recordExtension.execute(ctx.tx, e);
  }
}
