import { ApiProperty } from '@nestjs/swagger';
import { PublicCaseQuerySchema } from '#libs/contracts';

/** The rule is PublicCaseQuerySchema's (intake checks the same one). */
export class PublicCaseQuery extends PublicCaseQuerySchema {
  @ApiProperty({ example: '01002X', pattern: '^[0-9A-Za-z]{6}$', description: "The last six characters of the applicant's ID number (or credit code)." })
  override idTail: string;
}
