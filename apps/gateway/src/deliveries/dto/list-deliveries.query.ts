import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: ['READY', 'DISPATCHED', 'DELIVERED'], example: 'READY' })
  @IsOptional()
  @IsIn(['READY', 'DISPATCHED', 'DELIVERED'])
  status?: 'READY' | 'DISPATCHED' | 'DELIVERED';

  @ApiPropertyOptional({ enum: ['WINDOW', 'COURIER'], description: "Defaults to the caller's own kind: COURIER for a courier, WINDOW for a clerk." })
  @IsOptional()
  @IsIn(['WINDOW', 'COURIER'])
  method?: 'WINDOW' | 'COURIER';
}
