import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

export class DeliveryPreferenceDto {
  @ApiProperty({ enum: ['WINDOW', 'COURIER'], example: 'COURIER', description: 'Collect at the window, or send by courier (address required).' })
  @IsIn(['WINDOW', 'COURIER'])
  method: 'WINDOW' | 'COURIER';

  @ApiPropertyOptional({ example: '张三', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recipient?: string;

  @ApiPropertyOptional({ example: '13812345678', maxLength: 20 })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string;

  @ApiPropertyOptional({ example: '四川省绵阳市游仙区示范路 1 号', maxLength: 300, description: 'Required when method is COURIER.' })
  @ValidateIf((d: DeliveryPreferenceDto) => d.method === 'COURIER' || d.address !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'address is required for a COURIER delivery' })
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '510704-T01', maxLength: 32, description: 'WINDOW only: the center that hands the result out; defaults to the accepting center (就近办).' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  pickupCenter?: string;
}
