import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IsCountryCode,
  IsDialectCode,
  IsDisputeType,
  IsDivisionCode,
  IsLanguageTag,
  IsName,
} from '../../common/validation/domain-validators';
import { DisputeType } from '../../reference/dispute-types';
import {
  LANGUAGE_LEVELS,
  LanguageLevel,
  MEDIATOR_KINDS,
  MEDIATOR_ROLES,
  MEDIATOR_SEXES,
  MEDIATOR_STATUSES,
  MediatorKind,
  MediatorRole,
  MediatorSex,
  MediatorStatus,
} from '../mediator.entity';

export class SpokenLanguageDto {
  /** BCP 47 tag. @example ar */
  @IsLanguageTag()
  tag: string;

  /** @example native */
  @IsIn(LANGUAGE_LEVELS)
  level: LanguageLevel;
}

/** Registration of a mediator or interpreter. */
export class CreateMediatorDto {
  /** @example foreign */
  @IsIn(MEDIATOR_KINDS)
  kind: MediatorKind;

  /** Mediator, interpreter or both. @example ["mediator"] */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MEDIATOR_ROLES, { each: true })
  roles?: MediatorRole[];

  /** The name in the mediator's own script. @example أحمد منصور */
  @IsName(200)
  nameOriginal: string;

  /** @example Ahmed Mansour */
  @IsOptional()
  @IsName(200)
  nameLatin?: string;

  /** @example 艾哈迈德·曼苏尔 */
  @IsOptional()
  @IsName(200)
  nameZh?: string;

  /** @example male */
  @IsIn(MEDIATOR_SEXES)
  sex: MediatorSex;

  /** ISO 3166-1 alpha-2. @example YE */
  @IsCountryCode()
  nationality: string;

  /** Languages spoken, with level. @example [{"tag":"ar","level":"native"},{"tag":"en","level":"fluent"}] */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SpokenLanguageDto)
  languages: SpokenLanguageDto[];

  /** Home county (GB/T 2260) of a native-place mediator. @example 520502 */
  @IsOptional()
  @IsDivisionCode('county')
  homeRegionCode?: string;

  /** Dialects spoken. @example ["guizhou"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsDialectCode({ each: true })
  dialects?: string[];

  /** Dispute types the mediator specialises in. @example ["contract","business_operation"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(15)
  @ArrayUnique()
  @IsDisputeType({ each: true })
  specialties?: DisputeType[];

  /** Stations served. @example ["5f0c6a8e-3b1d-4c9a-9f51-2c7d8e9a0b1c"] */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  stationIds: string[];

  /** The most active cases taken at once. @example 8 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  capacity?: number;

  /** @example active */
  @IsOptional()
  @IsIn(MEDIATOR_STATUSES)
  status?: MediatorStatus;
}

/** Any registration field; only those sent change. */
export class UpdateMediatorDto extends PartialType(CreateMediatorDto) {}
