import { ApiProperty } from '@nestjs/swagger';
import type { CenterView, DepartmentView, PublishItemReply } from '#libs/contracts';

export class PublishItemReplyDto implements PublishItemReply {
  @ApiProperty({ example: 'PUBLIC-HYGIENE' }) code: string;
  @ApiProperty({ example: 2, description: 'The version just published; cases accepted before it keep theirs.' }) version: number;
  @ApiProperty({ example: '公共场所卫生许可' }) name: string;
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) publishedAt: string;
}

export class DepartmentViewDto implements DepartmentView {
  @ApiProperty({ example: 'NRB' }) code: string;
  @ApiProperty({ example: '自然资源局(不动产登记中心)' }) name: string;
}

export class CenterViewDto implements CenterView {
  @ApiProperty({ example: '510704-T01' }) code: string;
  @ApiProperty({ example: '城关镇便民服务中心' }) name: string;
  @ApiProperty({ enum: ['province', 'city', 'county', 'township', 'village'], example: 'township' }) level: string;
  @ApiProperty({ example: '510704001', description: 'Administrative division code; its first 6 digits start the case numbers of cases accepted here.' })
  region: string;
}
