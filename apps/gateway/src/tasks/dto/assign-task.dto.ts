import { ApiProperty } from '@nestjs/swagger';
import { ASSIGN_REASON_MAX_LENGTH, AssignmentSchema } from '#libs/contracts';

/** The rules are AssignmentSchema's (#libs/contracts), which approval checks the command with; this only describes it. */
export class AssignTaskDto extends AssignmentSchema {
  @ApiProperty({ example: 'rep.nrb', nullable: true, type: String, description: 'A user of the task\'s department; null gives the task back to the whole department.' })
  override assignee: string | null;

  @ApiProperty({ example: '该片区由其负责', maxLength: ASSIGN_REASON_MAX_LENGTH })
  override reason: string;
}
