import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class UnlockPickupDto {
  @ApiProperty({ example: '已核验申请人身份证原件，本人领取', maxLength: 500, description: 'How the applicant was verified in person.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}
