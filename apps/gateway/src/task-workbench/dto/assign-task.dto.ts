import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { USERNAME } from '../../staff/department-param.js';

export class AssignTaskDto {
  @ApiProperty({ example: 'rep.nrb', nullable: true, type: String, description: 'A user of the task\'s department; null gives the task back to the whole department.' })
  @ValidateIf((d: AssignTaskDto) => d.assignee !== null)
  @IsString()
  @Matches(USERNAME, { message: '$property must be a username, or null' })
  assignee: string | null;

  @ApiProperty({ example: '该片区由其负责', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason: string;
}
