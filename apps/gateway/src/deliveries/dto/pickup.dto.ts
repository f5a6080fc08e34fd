import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class PickupDto {
  @ApiProperty({ example: '482913', pattern: '^\\d{6}$', description: "The code in the applicant's SMS." })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'pickupCode must be 6 digits' })
  pickupCode: string;

  @ApiProperty({ example: '11010519491231002X', maxLength: 32, description: 'The ID number on the document the collector shows.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  idNumber: string;
}
