import { NoNestedArrays } from '#libs/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import type { FormFieldSpec, FormFieldType, ItemDefinition } from '#libs/contracts';

/**
 * The shape of a catalog item (事项) as an administrator publishes it. The gateway checks types and unknown fields
 * (400); intake checks the rest in one pass and lists every problem (422 CATALOG.INVALID): known departments and
 * enum values, non-empty stages, lead within its stage, unique material codes, promised ≤ legal, fee rule shapes,
 * bounds of every number, form field declarations and the quantities fee rules read from them.
 */
export class ReviewStageDto {
  @ApiProperty({ example: 1, description: 'Stages run in this order; departments within a stage review in parallel (并联审批).' })
  @IsInt()
  stage: number;

  @ApiProperty({ example: ['HUD', 'TAX', 'NRB'], description: 'Department codes (GET /catalog/departments); at least one.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  departments: string[];

  @ApiPropertyOptional({ example: 'NRB', description: 'The lead department (牵头部门); one of the stage\'s departments.' })
  @IsOptional()
  @IsString()
  lead?: string;

  @ApiPropertyOptional({ example: 2, description: "Working days this stage's tasks get from when it opens (capped at the promised deadline); default: the case's promised deadline." })
  @IsOptional()
  @IsInt()
  shareDays?: number;
}

export class MaterialSpecDto {
  @ApiProperty({ example: 'M01', description: 'Unique within the item.' }) @IsString() @MaxLength(32) code: string;
  @ApiProperty({ example: '不动产登记申请书' }) @IsString() @MaxLength(300) name: string;
  @ApiProperty({ example: true }) @IsBoolean() required: boolean;
  @ApiProperty({ example: false, description: 'May be brought later under tolerant acceptance (容缺受理).' }) @IsBoolean() tolerable: boolean;
}

export class UnitPriceByDto {
  @ApiProperty({ example: 'surface', description: 'The form field whose value picks the rate.' }) @IsString() @MaxLength(64) field: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { ASPHALT: 28000, CONCRETE: 22000 } })
  @IsObject()
  rates: Record<string, number>;
}

export class FeeRuleDto {
  @ApiProperty({ example: 'REG-RES' }) @IsString() @MaxLength(64) code: string;
  @ApiProperty({ example: '不动产登记费(住宅)' }) @IsString() @MaxLength(200) name: string;
  @ApiProperty({ example: 'NRB' }) @IsString() department: string;
  @ApiProperty({ enum: ['FIXED', 'PER_UNIT'], example: 'FIXED' }) @IsString() kind: 'FIXED' | 'PER_UNIT';
  @ApiPropertyOptional({ example: 8000, description: 'FIXED: the amount in integer fen.' }) @IsOptional() @IsInt() amountFen?: number;
  @ApiPropertyOptional({ example: '本' }) @IsOptional() @IsString() unit?: string;
  @ApiPropertyOptional({ example: 1000, description: 'PER_UNIT: price per unit in fen (or unitPriceFenBy).' }) @IsOptional() @IsInt() unitPriceFen?: number;
  @ApiPropertyOptional({ type: UnitPriceByDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => UnitPriceByDto) unitPriceFenBy?: UnitPriceByDto;
  @ApiPropertyOptional({ example: 'extraCertificates', description: 'PER_UNIT: the form field holding the number of units.' })
  @IsOptional()
  @IsString()
  quantityFrom?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { propertyType: 'RESIDENTIAL' }, description: 'Applies only when the form fields have these values.' })
  @IsOptional()
  @IsObject()
  when?: Record<string, string | string[]>;
  @ApiPropertyOptional({ example: ['SMALL_MICRO_ENTERPRISE'] }) @IsOptional() @IsArray() @IsString({ each: true }) exemptFor?: string[];
}

/** One field of the application form; intake checks every acceptance's form against these, and fees reads quantities by them. */
export class FormFieldSpecDto implements FormFieldSpec {
  @ApiProperty({ example: 'extraCertificates', description: 'The key in the form: a letter, then letters, digits or "_" (at most 64).' })
  @IsString()
  @MaxLength(64)
  name: string;

  @ApiPropertyOptional({ example: '加发证书本数' }) @IsOptional() @IsString() @MaxLength(200) label?: string;

  @ApiProperty({ enum: ['integer', 'decimal', 'text', 'enum', 'boolean'], example: 'integer' })
  @IsString()
  type: FormFieldType;

  @ApiPropertyOptional({ example: 0, description: 'integer / decimal (required for both): the smallest value allowed.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  min?: number;

  @ApiPropertyOptional({ example: 99, description: 'integer / decimal (required for both): the largest value allowed; a safe integer for integer fields.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  max?: number;

  @ApiPropertyOptional({ example: 2, description: 'decimal only: at most this many decimal places (0 to 6).' }) @IsOptional() @IsInt() scale?: number;
  @ApiPropertyOptional({ example: 500, description: 'text only: at most this many characters (default 500).' }) @IsOptional() @IsInt() maxLength?: number;

  @ApiPropertyOptional({ example: ['RESIDENTIAL', 'NON_RESIDENTIAL'], description: 'enum only: the allowed values.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  values?: string[];

  @ApiPropertyOptional({ example: false, description: 'The form must carry it (text: not blank).' }) @IsOptional() @IsBoolean() required?: boolean;
}

export class ResultSpecDto {
  @ApiProperty({ example: 'NRB' }) @IsString() department: string;
  @ApiProperty({ example: '不动产权证书' }) @IsString() @MaxLength(200) name: string;
  @ApiPropertyOptional({ example: 5, minimum: 1, maximum: 100, description: 'Whole years the certificate is valid from its issue date (有效期); absent: no validity printed.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  validityYears?: number;
}

export class DecidedByDto {
  @ApiProperty({ enum: ['province', 'city', 'county', 'township', 'village'], example: 'county' }) @IsString() level: string;
  @ApiProperty({ example: 'CIVIL' }) @IsString() department: string;
}

/** Everything but the code, which the two bodies below treat differently. */
export abstract class ItemBodyDto implements Omit<ItemDefinition, 'code'> {
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) @IsString() @MaxLength(200) name: string;

  @ApiProperty({
    enum: ['LICENSE', 'CONFIRMATION', 'PAYMENT', 'LEVY', 'REWARD', 'ADJUDICATION', 'FILING', 'PUBLIC_SERVICE', 'OTHER'],
    example: 'CONFIRMATION',
    description: '权力类型.',
  })
  @IsString()
  powerType: string;

  @ApiProperty({ enum: ['IMMEDIATE', 'PROMISED', 'JOINT', 'REPORTED'], example: 'JOINT', description: '即办件 / 承诺件 / 联办件 / 上报件.' })
  @IsString()
  caseType: 'IMMEDIATE' | 'PROMISED' | 'JOINT' | 'REPORTED';

  @ApiProperty({ enum: ['PERSON', 'ORG'], isArray: true, example: ['PERSON', 'ORG'] })
  @IsArray()
  @ArrayMaxSize(2)
  @IsString({ each: true })
  applicantTypes: ('PERSON' | 'ORG')[];

  @ApiProperty({ example: 30, description: '法定时限, working days.' }) @IsInt() legalDays: number;
  @ApiProperty({ example: 5, description: '承诺时限, working days; at most legalDays.' }) @IsInt() promisedDays: number;

  @ApiProperty({ type: [ReviewStageDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @NoNestedArrays()
  @ValidateNested({ each: true })
  @Type(() => ReviewStageDto)
  reviewPlan: ReviewStageDto[];

  @ApiProperty({ type: [MaterialSpecDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @NoNestedArrays()
  @ValidateNested({ each: true })
  @Type(() => MaterialSpecDto)
  materials: MaterialSpecDto[];

  @ApiProperty({ type: [FeeRuleDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @NoNestedArrays()
  @ValidateNested({ each: true })
  @Type(() => FeeRuleDto)
  fees: FeeRuleDto[];

  @ApiProperty({ type: [ResultSpecDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @NoNestedArrays()
  @ValidateNested({ each: true })
  @Type(() => ResultSpecDto)
  results: ResultSpecDto[];

  @ApiPropertyOptional({
    type: [FormFieldSpecDto],
    description:
      "The application form's fields, checked at acceptance (422 CASE.INVALID lists every bad one). A PER_UNIT fee rule's quantityFrom must name an integer field here; without formFields, quantities are whole numbers 0..9999.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @NoNestedArrays()
  @ValidateNested({ each: true })
  @Type(() => FormFieldSpecDto)
  formFields?: FormFieldSpecDto[];

  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() siteInspection?: boolean;
  @ApiPropertyOptional({ example: false }) @IsOptional() @IsBoolean() jointSiteSurvey?: boolean;
  @ApiPropertyOptional({ example: 'township', description: 'The level that normally accepts it (上报件); any center may (就近办).' })
  @IsOptional()
  @IsString()
  acceptedAt?: string;
  @ApiPropertyOptional({ type: DecidedByDto, description: 'Required for REPORTED items: who decides.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DecidedByDto)
  decidedBy?: DecidedByDto;
}

/** POST /catalog/items: a new item, with its code. */
export class ItemDefinitionDto extends ItemBodyDto {
  @ApiProperty({ example: 'RE-TRANSFER', description: 'Item code (事项编码): letters, digits, "-" or "_".' })
  @IsString()
  @MaxLength(64)
  code: string;
}

/** PUT /catalog/items/{code}: the code comes from the path. */
export class ItemVersionDto extends ItemBodyDto {
  @ApiPropertyOptional({ example: 'RE-TRANSFER', description: 'When given, must be the code in the path.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  code?: string;
}

export const ITEM_DEFINITION_EXAMPLE: ItemDefinition = {
  code: 'PUBLIC-HYGIENE',
  name: '公共场所卫生许可',
  powerType: 'LICENSE',
  caseType: 'PROMISED',
  applicantTypes: ['ORG', 'PERSON'],
  legalDays: 20,
  promisedDays: 5,
  reviewPlan: [{ stage: 1, departments: ['HEALTH'], lead: 'HEALTH' }],
  materials: [
    { code: 'M01', name: '卫生许可申请书', required: true, tolerable: false },
    { code: 'M02', name: '营业执照', required: true, tolerable: false },
    { code: 'M03', name: '卫生管理制度', required: true, tolerable: true },
  ],
  fees: [],
  results: [{ department: 'HEALTH', name: '公共场所卫生许可证' }],
};
