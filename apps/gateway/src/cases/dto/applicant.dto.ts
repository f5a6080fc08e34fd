import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Shape only: intake checks the ID number (GB 11643 / GB 32100) and the phone against the item's rules. */
export class ApplicantDto {
  @ApiProperty({ enum: ['PERSON', 'ORG'], example: 'PERSON' })
  @IsIn(['PERSON', 'ORG'])
  type: 'PERSON' | 'ORG';

  @ApiProperty({ example: '张三', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: ['ID_CARD', 'USCC'], example: 'ID_CARD', description: 'ID_CARD for a person, USCC (统一社会信用代码) for an organisation.' })
  @IsIn(['ID_CARD', 'USCC'])
  idType: 'ID_CARD' | 'USCC';

  @ApiProperty({ example: '11010519491231002X', maxLength: 32 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  idNumber: string;

  @ApiProperty({ example: '13812345678', maxLength: 20 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  phone: string;
}
