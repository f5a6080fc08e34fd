import { Controller, HttpCode, Post } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Rpc, type WarningSweepReply } from '#libs/contracts';
import { WarningSweep } from './warning-sweep.js';

/** Runs a sweep now: over NATS (any one routing process answers) for operators and tests. */
@Controller()
export class WarningSweepHandler {
  constructor(private readonly sweep: WarningSweep) {}

  @MessagePattern(Rpc.routing.runWarningSweep)
  handle(): Promise<WarningSweepReply> {
    return this.sweep.run();
  }
}

/**
 * The same on this process's own health port (bound to BIND_HOST, 127.0.0.1 by default), so a test can make two
 * given processes sweep at the same moment; NATS would hand both requests to whichever replica it picks.
 */
@Controller('internal')
export class WarningSweepHttpController {
  constructor(private readonly sweep: WarningSweep) {}

  @Post('warning-sweep')
  @HttpCode(200)
  run(): Promise<WarningSweepReply> {
    return this.sweep.run();
  }
}
