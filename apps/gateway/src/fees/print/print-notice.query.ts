import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const PRINT_FORMATS = ['html', 'pdf'] as const;
export type PrintFormat = (typeof PRINT_FORMATS)[number];

export class PrintNoticeQuery {
  @ApiPropertyOptional({ enum: PRINT_FORMATS, default: 'html', description: 'html: a page to print from the browser; pdf: an A4 PDF file.' })
  @IsOptional()
  @IsIn(PRINT_FORMATS)
  format?: PrintFormat;
}
