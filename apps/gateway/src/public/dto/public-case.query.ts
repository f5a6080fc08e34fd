import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class PublicCaseQuery {
  @ApiProperty({ example: '002X', pattern: '^[0-9A-Za-z]{4}$', description: "The last four characters of the applicant's ID number (or credit code)." })
  @Matches(/^[0-9A-Za-z]{4}$/, { message: 'idTail must be the last 4 characters of the ID number' })
  idTail: string;
}
