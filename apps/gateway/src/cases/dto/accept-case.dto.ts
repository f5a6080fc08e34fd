import { NoNestedArrays } from '#libs/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import type { AcceptCaseRequest } from '#libs/contracts';
import { ApplicantDto } from './applicant.dto.js';
import { DeliveryPreferenceDto } from './delivery-preference.dto.js';
import { MaterialDto } from './material.dto.js';

export class DecideNowDto {
  @ApiProperty({ enum: ['APPROVE', 'REJECT'], example: 'APPROVE' })
  @IsIn(['APPROVE', 'REJECT'])
  decision: 'APPROVE' | 'REJECT';

  @ApiPropertyOptional({ example: '材料齐全，准予备案', maxLength: 2000, description: 'Required to reject.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  opinion?: string;
}

export class AcceptCaseDto implements AcceptCaseRequest {
  @ApiProperty({ example: 'RE-TRANSFER', description: 'Service item code (事项编码).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  itemCode: string;

  @ApiProperty({ example: '510704-C01', description: 'The service center accepting the case.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  centerCode: string;

  @ApiProperty({ type: ApplicantDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant: ApplicantDto;

  @ApiProperty({ type: [MaterialDto], description: 'Every material the item lists, each marked provided or not.' })
  @IsArray()
  @ArrayMaxSize(100)
  @NoNestedArrays()
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials: MaterialDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { propertyType: 'RESIDENTIAL', extraCertificates: 1 },
    description: "Free-form fields the item's fee rules and review read; intake checks them against the item.",
  })
  @IsOptional()
  @IsObject()
  form?: Record<string, unknown>;

  @ApiProperty({ type: DeliveryPreferenceDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DeliveryPreferenceDto)
  delivery: DeliveryPreferenceDto;

  @ApiPropertyOptional({
    example: true,
    description:
      '容缺受理: accept although materials the item marks tolerable are missing or defective; they become pending with a due date ' +
      '(INTAKE_TOLERANT_DAYS working days) and the result is not issued until they are in. Without it, any missing material gets the one-time notice.',
  })
  @IsOptional()
  @IsBoolean()
  tolerant?: boolean;

  @ApiPropertyOptional({
    type: DecideNowDto,
    description: "即办件: the chief representative of an IMMEDIATE item's department accepts and decides in one visit (CHIEF_REP only).",
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DecideNowDto)
  decideNow?: DecideNowDto;
}


export const ACCEPT_CASE_EXAMPLE: AcceptCaseRequest = {
  itemCode: 'RE-TRANSFER',
  centerCode: '510704-C01',
  applicant: { type: 'PERSON', name: '张三', idType: 'ID_CARD', idNumber: '11010519491231002X', phone: '13812345678' },
  materials: ['M01', 'M02', 'M03', 'M04', 'M05'].map((code) => ({ code, provided: true })),
  form: { propertyType: 'RESIDENTIAL', extraCertificates: 1 },
  delivery: { method: 'COURIER', recipient: '张三', phone: '13812345678', postalAddress: { province: '四川省', city: '绵阳市', district: '游仙区', detail: '示范路 1 号' } },
};
