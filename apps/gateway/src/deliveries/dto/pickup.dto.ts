import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PickupBodySchema, ProxySchema } from '#libs/contracts';

export class ProxyDto extends ProxySchema {
  @ApiProperty({ example: '王五', maxLength: 64, description: 'The person collecting for the applicant (委托代领).' })
  override name: string;

  @ApiProperty({ example: '440524188001010014', description: "The proxy's resident ID number; only its masked form is kept." })
  override idNumber: string;
}

/** The rules are PickupBodySchema's (#libs/contracts), shared with the delivery service. */
export class PickupDto extends PickupBodySchema {
  @ApiProperty({ example: '482913', pattern: '^\\d{6}$', description: "The code in the applicant's SMS." })
  override pickupCode: string;

  @ApiProperty({
    example: '11010519491231002X',
    maxLength: 32,
    description: "The ID number on the card the collector shows: the applicant's, or with `proxy` the proxy's own (then it must equal proxy.idNumber, and the applicant's ID is not asked for).",
  })
  override idNumber: string;

  @ApiPropertyOptional({ type: ProxyDto, description: '委托代领: someone else collects with the pickup code; their name and masked ID number are recorded.' })
  override proxy?: ProxyDto;
}
