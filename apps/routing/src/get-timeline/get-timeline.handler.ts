import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type TimelineEntry } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { GetTimeline } from './get-timeline.js';

@Controller()
export class GetTimelineHandler {
  constructor(private readonly getTimeline: GetTimeline) {}

  @OnRpc(Rpc.routing.getTimeline)
  handle(@Payload() query: { caseNo: string }): Promise<TimelineEntry[]> {
    return this.getTimeline.execute(query);
  }
}
