import { ApiPropertyOptional } from '@nestjs/swagger';
import { ReissueBodySchema } from '#libs/contracts';

export class ReissueDto extends ReissueBodySchema {
  @ApiPropertyOptional({ example: '申请人逾期未缴,重新开具', maxLength: 500 })
  override reason?: string;
}
