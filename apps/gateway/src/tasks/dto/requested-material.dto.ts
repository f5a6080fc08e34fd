import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RequestedMaterialSchema } from '#libs/contracts';

/** One material a supplement request (补正) asks the applicant for; the rules are RequestedMaterialSchema's. */
export class RequestedMaterialDto extends RequestedMaterialSchema {
  @ApiPropertyOptional({ example: 'M05', maxLength: 32, description: "The material's code in the item's catalog entry, when it has one." })
  override code?: string;

  @ApiProperty({ example: '完税凭证', maxLength: 200 })
  override name: string;

  @ApiPropertyOptional({ example: '复印件不清晰，请提交原件', maxLength: 500 })
  override reason?: string;
}
