import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const CERTIFICATE_PRINT_FORMATS = ['html', 'pdf'] as const;

export class PrintCertificateQuery {
  @ApiPropertyOptional({ enum: CERTIFICATE_PRINT_FORMATS, default: 'html', description: 'html: a page to print from the browser; pdf: an A4 PDF file.' })
  @IsOptional()
  @IsIn(CERTIFICATE_PRINT_FORMATS)
  format?: (typeof CERTIFICATE_PRINT_FORMATS)[number];
}
