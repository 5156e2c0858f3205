import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
  ValidationOptions,
} from 'class-validator';
import { DECIMAL_AMOUNT, isCurrencyCode } from '../../common/money/money';
import { MultilingualTextDto } from '../../common/multilingual-text/multilingual-text.dto';
import { IsDisputeType, IsName } from '../../common/validation/domain-validators';
import { DisputeType } from '../../reference/dispute-types';
import {
  CASE_SOURCES,
  CaseSource,
  TRADE_DISPUTE_TAGS,
  TradeDisputeTag,
} from '../mediation-case.entity';
import { PartyDto } from './party.dto';

export const IsCurrencyCode = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'cases:validation.isCurrencyCode', validator: { validate: (v) => isCurrencyCode(v) } },
    options,
  );

export class MoneyDto {
  /** Exact decimal string, never a float. @example 86500.00 */
  @Matches(DECIMAL_AMOUNT)
  amount: string;

  /** ISO 4217. @example USD */
  @IsCurrencyCode()
  currency: string;
}

export class PoliceReportDto {
  @IsISO8601({ strict: true })
  reportedAt: string;

  /** @example 义乌市公安局稠江派出所 */
  @IsName(200)
  policeStation: string;

  @IsOptional()
  @IsName(200)
  officer?: string;

  @IsOptional()
  @IsName(100)
  reference?: string;
}

export class RiskDto {
  /** The dispute may turn into a crime or public-order incident (Art. 25). */
  @IsBoolean()
  escalationRisk: boolean;

  /** How many people the risk concerns (for the "prevented from turning criminal" statistics). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  personsAtRisk?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => PoliceReportDto)
  policeReport?: PoliceReportDto;
}

export class RegisterCaseDto {
  /** The station registering the case; a clerk may only register at their own. */
  @IsUUID()
  stationId: string;

  @IsIn(CASE_SOURCES)
  source: CaseSource;

  /** @example 2026-11-20 */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  receivedOn: string;

  @IsDisputeType()
  disputeType: DisputeType;

  /** @example ["payment", "delivery"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(TRADE_DISPUTE_TAGS, { each: true })
  tags?: TradeDisputeTag[];

  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  amountInDispute?: MoneyDto;

  /** The applicant's account of the dispute, in the language told, with translations. */
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  account: MultilingualTextDto;

  /** What the applicant asks for. */
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  requests: MultilingualTextDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => RiskDto)
  risk?: RiskDto;

  /** At least one applicant and one respondent. */
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PartyDto)
  parties: PartyDto[];
}
