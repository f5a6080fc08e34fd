import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { PostalAddressSchema } from '#libs/contracts';

/** The rules are PostalAddressSchema's (#libs/contracts); intake checks the same again at acceptance. */
export class PostalAddressDto extends PostalAddressSchema {
  @ApiProperty({ example: '四川省', description: 'One of the 34 provincial-level divisions, full (四川省) or short (四川); kept in full. Anything else is refused (400).' })
  override province: string;

  @ApiProperty({ example: '绵阳市', maxLength: 50 })
  override city: string;

  @ApiProperty({ example: '游仙区', maxLength: 50 })
  override district: string;

  @ApiProperty({ example: '示范路 1 号', maxLength: 200, description: 'Street, number, building, room.' })
  override detail: string;
}

export class DeliveryPreferenceDto {
  @ApiProperty({ enum: ['WINDOW', 'COURIER'], example: 'COURIER', description: 'Collect at the window, or send by courier (address required).' })
  @IsIn(['WINDOW', 'COURIER'])
  method: 'WINDOW' | 'COURIER';

  @ApiPropertyOptional({ example: '张三', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  recipient?: string;

  @ApiPropertyOptional({ example: '13812345678', maxLength: 20, description: "The recipient's mainland mobile; required with postalAddress." })
  @ValidateIf((d: DeliveryPreferenceDto) => d.phone !== undefined || d.postalAddress !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'phone is required with a postalAddress (the carrier calls the recipient)' })
  @MaxLength(20)
  phone?: string;

  @ApiPropertyOptional({
    type: PostalAddressDto,
    description: 'COURIER: where the result is sent, one field per level (the province is checked). Required for a COURIER delivery unless the deprecated `address` is sent.',
  })
  @ValidateIf((d: DeliveryPreferenceDto) => d.postalAddress !== undefined || (d.method === 'COURIER' && d.address === undefined))
  @IsDefined({ message: 'postalAddress is required for a COURIER delivery' })
  @ValidateNested()
  @Type(() => PostalAddressDto)
  postalAddress?: PostalAddressDto;

  @ApiPropertyOptional({
    example: '四川省绵阳市游仙区示范路 1 号',
    maxLength: 300,
    deprecated: true,
    description: 'Deprecated: a free-text courier address, still accepted for a transition. Send postalAddress instead; not both.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'address must not be empty' })
  @MaxLength(300)
  address?: string;

  @ApiPropertyOptional({ example: '510704-T01', maxLength: 32, description: 'WINDOW only: the center that hands the result out; defaults to the accepting center (就近办).' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  pickupCenter?: string;
}
