import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/roles.decorator.js';
import { CorrelationId } from '../http/request-context.js';
import { GatewayHealthService, type GatewayHealth } from './gateway-health.service.js';

const UP = { status: 'up', latencyMs: 2 };
const DOWN = { status: 'down', error: '503' };

@ApiTags('health')
@Public()
@Controller('health')
export class GatewayHealthController {
  constructor(private readonly health: GatewayHealthService) {}

  @Get()
  @ApiOperation({ summary: "The gateway's PostgreSQL and NATS, and each back-end service (1 s timeout each)." })
  @ApiOkResponse({ example: { status: 'up', dependencies: { postgres: UP, nats: UP, intake: UP, routing: UP, approval: UP, fees: UP, delivery: UP } } })
  @ApiServiceUnavailableResponse({
    description: 'degraded (a service is down) or down (own PostgreSQL or NATS is).',
    example: { status: 'degraded', dependencies: { postgres: UP, nats: UP, intake: UP, routing: UP, approval: UP, fees: DOWN, delivery: UP } },
  })
  async get(@Res({ passthrough: true }) res: Response, @CorrelationId() correlationId: string): Promise<GatewayHealth> {
    const report = await this.health.check(correlationId);
    if (report.status !== 'up') res.status(503);
    return report;
  }
}
