import { ApiProperty } from '@nestjs/swagger';

export class TimelineActorDto {
  @ApiProperty({ example: 'clerk1' }) id: string;
  @ApiProperty({ example: 'CLERK' }) role: string;
  @ApiProperty({ example: 'NRB', required: false }) department?: string;
  @ApiProperty({ example: 'rep.nrb', required: false, description: 'A backup (AB岗) acted: the chief representative they acted for.' }) onBehalfOf?: string;
}

export class TimelineEntryDto {
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) at: string;
  @ApiProperty({ example: 'intake.case.accepted.v1' }) type: string;
  @ApiProperty({ type: TimelineActorDto }) actor: TimelineActorDto;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { itemCode: 'RE-TRANSFER' } }) data: Record<string, unknown>;
}
