import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type TimelineEntry } from '#libs/contracts';
import { caseNoOf } from '../workflow/case-no-query.js';
import { GetTimeline } from './get-timeline.js';

@Controller()
export class GetTimelineHandler {
  constructor(private readonly getTimeline: GetTimeline) {}

  @MessagePattern(Rpc.routing.getTimeline)
  handle(@Payload() query: { caseNo: string }): Promise<TimelineEntry[]> {
    return this.getTimeline.run(caseNoOf(query));
  }
}
