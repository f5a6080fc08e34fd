import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { RESOURCE_ID } from '#libs/contracts';

/**
 * Case numbers, task, notice and delivery ids are the services' to define; the gateway only keeps junk (slashes,
 * spaces, megabytes) from reaching NATS, and lets the service answer 404 for a well-formed unknown one.
 */
export const ID_PATTERN = RESOURCE_ID;

export const IsResourceId = (example: string, description?: string) =>
  applyDecorators(
    ApiProperty({ example, pattern: ID_PATTERN.source, description }),
    IsString(),
    Matches(ID_PATTERN, { message: '$property must be 1 to 64 letters, digits, "-" or "_"' }),
  );
