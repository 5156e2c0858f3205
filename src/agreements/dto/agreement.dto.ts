import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MultilingualTextDto } from '../../common/multilingual-text/multilingual-text.dto';
import { IsName } from '../../common/validation/domain-validators';
import { SIGNER_KINDS, SignerKind, SIGNING_METHODS, SigningMethod } from '../agreement.entity';

export class AgreementTermDto {
  /** A clause from the library, or free text (which needs checked translations). */
  @IsIn(['clause', 'free'])
  kind: 'clause' | 'free';

  /** Clause kind from GET /api/v1/agreements/clauses. @example lump_sum_payment */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  clause?: string;

  /** Clause parameters (validated per clause kind). @example {"payer":"respondent:1","payee":"applicant:1","amount":{"amount":"20760.00","currency":"USD"},"dueDate":"2026-12-15","method":"bank_transfer"} */
  @IsOptional()
  @IsObject()
  params?: Record<string, unknown>;

  @IsOptional()
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  text?: MultilingualTextDto;
}

export class PerformanceDto {
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  method: MultilingualTextDto;

  @ValidateNested()
  @Type(() => MultilingualTextDto)
  place: MultilingualTextDto;

  /** @example 2026-12-15 */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  deadline: string;
}

export class SigningMediatorDto {
  /** @example 阿卜杜拉（也门） */
  @IsName(200)
  name: string;

  @IsOptional()
  @IsUUID()
  mediatorId?: string;
}

export class PartyLanguageDto {
  @IsUUID()
  partyId: string;

  /** Language of the party's copy besides Chinese. @example ar */
  @IsIn(['zh-CN', 'en', 'ar', 'fa', 'ur', 'hi', 'ru', 'fr', 'es', 'pt', 'ko', 'tr'])
  language: string;

  /** A third language the party asked for (a trilingual copy). */
  @IsOptional()
  @IsIn(['zh-CN', 'en', 'ar', 'fa', 'ur', 'hi', 'ru', 'fr', 'es', 'pt', 'ko', 'tr'])
  extraLanguage?: string;
}

/** The content Art. 29 asks for; the parties come from the case. */
export class AgreementDraftDto {
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  facts: MultilingualTextDto;

  @ValidateNested()
  @Type(() => MultilingualTextDto)
  mattersInDispute: MultilingualTextDto;

  @ValidateNested()
  @Type(() => MultilingualTextDto)
  responsibilities: MultilingualTextDto;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AgreementTermDto)
  terms: AgreementTermDto[];

  @ValidateNested()
  @Type(() => PerformanceDto)
  performance: PerformanceDto;

  /** Copies: one per party and one for the committee, at least. */
  @IsInt()
  @Min(2)
  @Max(20)
  copies: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => SigningMediatorDto)
  mediators: SigningMediatorDto[];

  /** Overrides of each party's copy language; by default the party's first preferred language. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartyLanguageDto)
  partyLanguages?: PartyLanguageDto[];

  @IsOptional()
  @IsIn(['side_by_side', 'paragraphs'])
  layout?: 'side_by_side' | 'paragraphs';
}

export class SignatureDto {
  @IsIn(SIGNER_KINDS)
  signerKind: SignerKind;

  /** The case party id, the mediator reference (mediator:1, mediator:2 …) or `committee`. */
  @IsString()
  @MaxLength(64)
  signerRef: string;

  @IsIn(SIGNING_METHODS)
  method: SigningMethod;

  /** A scan of the signed copy, uploaded as a case attachment. */
  @IsOptional()
  @IsUUID()
  scanAttachmentId?: string;
}

/** The parties' joint application to the basic court for judicial confirmation (Art. 33). */
export class ConfirmationApplicationDto {
  /** The China calendar day the application was made. @example 2026-11-20 */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  appliedOn: string;

  /** The basic court applied to. @example 义乌市人民法院 */
  @IsName(200)
  court: string;
}
