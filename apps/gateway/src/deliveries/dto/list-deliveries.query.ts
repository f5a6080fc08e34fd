import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: ['READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED'], example: 'READY' })
  @IsOptional()
  @IsIn(['READY', 'DISPATCHED', 'DELIVERED', 'CANCELLED'])
  status?: 'READY' | 'DISPATCHED' | 'DELIVERED' | 'CANCELLED';

  @ApiPropertyOptional({ enum: ['WINDOW', 'COURIER'], description: "Defaults to the caller's own kind: COURIER for a courier, WINDOW for a clerk." })
  @IsOptional()
  @IsIn(['WINDOW', 'COURIER'])
  method?: 'WINDOW' | 'COURIER';
}
