import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import {
  IsCountryCode,
  IsDialectCode,
  IsDivisionCode,
  IsLanguageTag,
  IsName,
} from '../../common/validation/domain-validators';
import { CONSENT_METHODS, ConsentMethod, PARTY_ROLES, PartyRole } from '../case-party.entity';
import { isE164Phone, isUnifiedSocialCreditCode } from '../identity-checks';
import { IDENTITY_DOCUMENT_TYPES, IdentityDocumentType, SEXES, Sex } from '../person.entity';

export const IsE164Phone = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'cases:validation.isE164Phone',
      validator: { validate: (v) => typeof v === 'string' && isE164Phone(v) },
    },
    options,
  );

export const IsCreditCode = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'cases:validation.isCreditCode',
      validator: { validate: (v) => typeof v === 'string' && isUnifiedSocialCreditCode(v) },
    },
    options,
  );

export class IdentityDocumentDto {
  @IsIn(IDENTITY_DOCUMENT_TYPES)
  type: IdentityDocumentType;

  /** Checked per type: a resident ID by its GB 11643 check digit. @example E12345678 */
  @IsName(30)
  number: string;

  /** Issuing country of a passport (ISO 3166-1 alpha-2). @example YE */
  @IsOptional()
  @IsCountryCode()
  country?: string;
}

export class PersonDto {
  /** The name in the person's own script. @example أحمد الحسن */
  @IsName(200)
  nameOriginal: string;

  /** Latin transliteration. @example Ahmed Al-Hassan */
  @IsOptional()
  @IsName(200)
  nameLatin?: string;

  /** Chinese name, if any. @example 艾哈迈德 */
  @IsOptional()
  @IsName(200)
  nameZh?: string;

  @IsIn(SEXES)
  sex: Sex;

  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  birthYear?: number;

  /** ISO 3166-1 alpha-2; CN for Chinese citizens. @example YE */
  @IsCountryCode()
  nationality: string;

  /** For Chinese citizens (migrant workers): GB/T 2260 county code of the home region. @example 520502 */
  @IsOptional()
  @IsDivisionCode('county')
  homeRegionCode?: string;

  /** Dialect codes from /api/v1/reference/dialects. @example ["guizhou"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsDialectCode({ each: true })
  dialects?: string[];

  /** Ethnic group of a Chinese citizen. @example 彝族 */
  @IsOptional()
  @IsName(40)
  ethnicGroup?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => IdentityDocumentDto)
  identityDocument?: IdentityDocumentDto;

  /** E.164. @example +967771234567 */
  @IsOptional()
  @IsE164Phone()
  phone?: string;

  @IsOptional()
  @IsName(500)
  address?: string;

  /** BCP 47 tags, most preferred first. @example ["ar", "en"] */
  @IsArray()
  @ArrayMaxSize(6)
  @IsLanguageTag({ each: true })
  preferredLanguages: string[];

  @IsOptional()
  @IsBoolean()
  needsInterpreter?: boolean;

  @IsOptional()
  @IsName(100)
  occupation?: string;
}

export class OrganisationDto {
  /** @example 义乌市恒达日用品有限公司 */
  @IsName(300)
  nameOriginal: string;

  @IsOptional()
  @IsName(300)
  nameZh?: string;

  /** @example Yiwu Hengda Daily Necessities Co., Ltd. */
  @IsOptional()
  @IsName(300)
  nameLatin?: string;

  /** GB 32100 unified social credit code (required for organisations registered in China). @example 91330782MA2A1B2C3N */
  @IsOptional()
  @IsCreditCode()
  creditCode?: string;

  /** @example CN */
  @IsCountryCode()
  country: string;

  @IsOptional()
  @IsName(200)
  legalRepresentative?: string;

  @IsOptional()
  @IsName(500)
  address?: string;
}

export class AgentDto {
  @IsName(200)
  name: string;

  /** @example 兄弟 / lawyer */
  @IsName(100)
  relation: string;

  @IsOptional()
  @IsE164Phone()
  phone?: string;

  /** What the power of attorney covers. @example 代为参加调解、签署调解协议 */
  @IsName(500)
  scope: string;
}

export class ConsentDto {
  @IsIn(['given', 'refused'])
  decision: 'given' | 'refused';

  @IsIn(CONSENT_METHODS)
  method: ConsentMethod;

  /** Required when the party refuses mediation. */
  @IsOptional()
  @IsName(1000)
  reason?: string;
}

/** A party: a new or existing person, or a new or existing organisation. */
export class PartyDto {
  @IsIn(PARTY_ROLES)
  role: PartyRole;

  /** Link an existing person instead of registering them again. */
  @IsOptional()
  @IsUUID()
  personId?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PersonDto)
  person?: PersonDto;

  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationDto)
  organisation?: OrganisationDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => AgentDto)
  agents?: AgentDto[];

  /** Consent given (or refused) at registration. */
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent?: ConsentDto;
}
