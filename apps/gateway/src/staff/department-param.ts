import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { DEPARTMENT_CODE } from '#libs/contracts';

export class DepartmentCodeParam {
  @ApiProperty({ example: 'NRB', pattern: DEPARTMENT_CODE.source, description: 'Department code (upper case), as in the catalog.' })
  @IsString()
  @Matches(DEPARTMENT_CODE, { message: '$property must be a department code: 1 to 32 upper-case letters, digits, "-" or "_"' })
  code: string;
}
