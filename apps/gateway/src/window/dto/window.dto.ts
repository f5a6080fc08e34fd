import { NoNestedArrays } from '#libs/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { RefuseRequest } from '#libs/contracts';
import { IsResourceId } from '../../common/ids.js';

export class OneTimeNoticeNoParam {
  @IsResourceId('GZ20261123000042', 'One-time notice number (一次性告知书编号): GZ + date + sequence.')
  noticeNo: string;
}

export class RefusalNoParam {
  @IsResourceId('BY20261123000007', 'Refusal number (不予受理决定书编号): BY + date + sequence.')
  refusalNo: string;
}

export class SuppliedMaterialDto {
  @ApiPropertyOptional({ example: 'M05', maxLength: 32, description: "A material code of the item version the case was accepted under." })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  code?: string;

  @ApiPropertyOptional({ example: '完税凭证', maxLength: 300, description: 'For a material outside the catalog (e.g. asked for by a department); code or name is required.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string;
}

export class SupplementDto {
  @ApiProperty({ type: [SuppliedMaterialDto], description: 'What arrived: at least one.' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @NoNestedArrays()
  @ValidateNested({ each: true })
  @Type(() => SuppliedMaterialDto)
  materials: SuppliedMaterialDto[];

  @ApiPropertyOptional({ example: '申请人补交完税凭证原件', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class WithdrawDto {
  @ApiProperty({ example: '申请人主动撤回申请', maxLength: 1000, description: 'Why: recorded on the case and its timeline.' })
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(1000)
  reason: string;
}

export class RefusalApplicantDto {
  @ApiProperty({ enum: ['PERSON', 'ORG'], example: 'PERSON' }) @IsIn(['PERSON', 'ORG']) type: 'PERSON' | 'ORG';
  @ApiProperty({ example: '张三', maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;
  @ApiProperty({ enum: ['ID_CARD', 'USCC'], example: 'ID_CARD' }) @IsIn(['ID_CARD', 'USCC']) idType: 'ID_CARD' | 'USCC';
  @ApiProperty({ example: '11010519491231002X', maxLength: 32 }) @IsString() @IsNotEmpty() @MaxLength(32) idNumber: string;
  @ApiPropertyOptional({ example: '13812345678', maxLength: 20 }) @IsOptional() @IsString() @MaxLength(20) phone?: string;
}

export class RefuseDto implements RefuseRequest {
  @ApiProperty({ example: 'RE-TRANSFER', description: 'The item applied for.' }) @IsString() @IsNotEmpty() @MaxLength(64) itemCode: string;
  @ApiProperty({ example: '510704-C01' }) @IsString() @IsNotEmpty() @MaxLength(32) centerCode: string;
  @ApiProperty({ type: RefusalApplicantDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RefusalApplicantDto)
  applicant: RefusalApplicantDto;

  @ApiProperty({ example: '申请事项依法不需要取得行政许可', maxLength: 2000, description: 'The reason the applicant is given in writing.' })
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(2000)
  reason: string;
}

// ---- replies ----

export class MaterialRefDto {
  @ApiPropertyOptional({ example: 'M05' }) code?: string;
  @ApiProperty({ example: '完税凭证' }) name: string;
  @ApiPropertyOptional({ example: 'MISSING' }) reason?: string;
}

export class NoticeMaterialDto {
  @ApiProperty({ example: 'M02' }) code: string;
  @ApiProperty({ example: '营业执照或其他主体资格证明文件' }) name: string;
  @ApiProperty({ enum: ['MISSING', 'DEFECTIVE'], example: 'DEFECTIVE' }) reason: string;
  @ApiPropertyOptional({ example: '营业执照已过期' }) detail?: string;
  @ApiPropertyOptional({ example: false, description: 'Could be left pending under tolerant acceptance.' }) tolerable?: boolean;
}

export class MaskedPartyDto {
  @ApiProperty({ example: 'PERSON' }) type: string;
  @ApiProperty({ example: '李四' }) name: string;
  @ApiProperty({ example: 'ID_CARD' }) idType: string;
  @ApiProperty({ example: '1101**********002X', description: 'Masked.' }) idNumber: string;
  @ApiPropertyOptional({ example: '138****5678', description: 'Masked.' }) phone?: string;
}

export class OneTimeNoticeViewDto {
  @ApiProperty({ example: 'GZ20261123000042' }) noticeNo: string;
  @ApiProperty({ example: 'FOOD-BIZ' }) itemCode: string;
  @ApiProperty({ example: '食品经营许可' }) itemName: string;
  @ApiProperty({ example: 1 }) itemVersion: number;
  @ApiProperty({ example: '510704-C01' }) centerCode: string;
  @ApiPropertyOptional({ type: MaskedPartyDto }) applicant?: MaskedPartyDto;
  @ApiProperty({ type: [NoticeMaterialDto] }) missing: NoticeMaterialDto[];
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) issuedAt: string;
  @ApiProperty({ example: 'clerk1' }) issuedBy: string;
}

export class RefusalViewDto {
  @ApiProperty({ example: 'BY20261123000007' }) refusalNo: string;
  @ApiProperty({ example: 'RE-TRANSFER' }) itemCode: string;
  @ApiProperty({ example: '不动产转移登记(存量房买卖)' }) itemName: string;
  @ApiProperty({ example: 1 }) itemVersion: number;
  @ApiProperty({ example: '510704-C01' }) centerCode: string;
  @ApiProperty({ type: MaskedPartyDto }) applicant: MaskedPartyDto;
  @ApiProperty({ example: '申请事项依法不需要取得行政许可' }) reason: string;
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) refusedAt: string;
  @ApiProperty({ example: 'clerk1' }) refusedBy: string;
}

export class SupplementReplyDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5d' }) supplementId: string;
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ type: [MaterialRefDto] }) materials: MaterialRefDto[];
  @ApiPropertyOptional({ example: '申请人补交完税凭证原件' }) note?: string;
  @ApiProperty({ type: [MaterialRefDto], description: 'Tolerant acceptance: still owed; empty when all are in (the result may then be issued).' })
  pendingLeft: MaterialRefDto[];
  @ApiProperty({ example: '2026-11-25T10:00:00+08:00' }) receivedAt: string;
}

export class WithdrawReplyDto {
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 'WITHDRAWN' }) status: string;
  @ApiProperty({ example: '2026-11-24T10:00:00+08:00' }) withdrawnAt: string;
  @ApiProperty({ example: '申请人主动撤回申请' }) reason: string;
}

export class OverduePendingDto {
  @ApiProperty({ example: '510704202611230000427' }) caseNo: string;
  @ApiProperty({ example: 'FOOD-BIZ' }) itemCode: string;
  @ApiProperty({ example: '食品经营许可' }) itemName: string;
  @ApiProperty({ example: '510704-C01' }) centerCode: string;
  @ApiProperty({ example: '2026-11-23T09:30:12+08:00' }) acceptedAt: string;
  @ApiProperty({ example: 'clerk1' }) acceptedBy: string;
  @ApiProperty({ example: '2026-11-30T23:59:59+08:00', description: 'Passed.' }) pendingDueAt: string;
  @ApiProperty({ type: [MaterialRefDto] }) pending: MaterialRefDto[];
}
