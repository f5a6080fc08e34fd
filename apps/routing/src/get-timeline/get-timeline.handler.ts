import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Rpc, type TimelineEntry } from '#libs/contracts';
import { OnRpc } from '#libs/messaging';
import { caseNoOf } from '../workflow/case-no-query.js';
import { GetTimeline } from './get-timeline.js';

@Controller()
export class GetTimelineHandler {
  constructor(private readonly getTimeline: GetTimeline) {}

  @OnRpc(Rpc.routing.getTimeline)
  handle(@Payload() query: { caseNo: string }): Promise<TimelineEntry[]> {
    return this.getTimeline.run(caseNoOf(query));
  }
}
