import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { MultilingualTextDto } from '../../common/multilingual-text/multilingual-text.dto';
import { IsName } from '../../common/validation/domain-validators';
import { SATISFACTION_LEVELS, SatisfactionLevel } from '../follow-up-visit.entity';
import {
  AGREEMENT_FORMS,
  AgreementForm,
  LEGAL_ROUTES,
  LegalRoute,
  OUTCOME_KINDS,
  OutcomeKind,
  PERFORMANCE_RESULTS,
  PerformanceResult,
} from '../session-outcome-rules';

/** How the session ended. Fields apply by kind; the service says which are required. */
export class SessionOutcomeDto {
  /** @example agreement_reached */
  @IsIn(OUTCOME_KINDS)
  kind: OutcomeKind;

  /** Adjourned: the next session, if already scheduled. */
  @IsOptional()
  @IsUUID()
  nextSessionId?: string;

  /** Agreement: written (调解协议书) or oral (Art. 28). @example oral */
  @IsOptional()
  @IsIn(AGREEMENT_FORMS)
  agreementForm?: AgreementForm;

  /** Agreement: the agreed terms (required for an oral agreement). */
  @IsOptional()
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  terms?: MultilingualTextDto;

  /** Agreement: by when it is to be performed. @example 2026-12-10 */
  @IsOptional()
  @IsDateString({ strict: true })
  performanceDeadline?: string;

  /** Terminated (Art. 26): the routes the parties were told of — all three. @example ["arbitration","administrative","court"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(LEGAL_ROUTES, { each: true })
  routesExplained?: LegalRoute[];

  /** Withdrawn: the party who withdrew. */
  @IsOptional()
  @IsUUID()
  withdrawingPartyId?: string;

  /** Terminated or withdrawn: why, as said. */
  @IsOptional()
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  reason?: MultilingualTextDto;
}

export class SatisfactionDto {
  @IsUUID()
  partyId: string;

  /** @example satisfied */
  @IsIn(SATISFACTION_LEVELS)
  level: SatisfactionLevel;
}

export class FollowUpDto {
  /** @example 2026-12-12 */
  @IsDateString({ strict: true })
  visitedOn: string;

  /** Who visited. @example 王建华 */
  @IsName(200)
  visitedByName: string;

  @IsOptional()
  @IsUUID()
  visitedByMediatorId?: string;

  /** @example fully */
  @IsIn(PERFORMANCE_RESULTS)
  performance: PerformanceResult;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SatisfactionDto)
  satisfaction: SatisfactionDto[];

  /** Whether a party has since gone to court over the dispute. */
  @IsBoolean()
  wentToCourt: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => MultilingualTextDto)
  notes?: MultilingualTextDto;
}

export class RemindersQueryDto {
  /** A mediator's reminders (clerks and admins); a mediator always gets their own. */
  @IsOptional()
  @IsUUID()
  mediatorId?: string;
}

export class FollowUpsDueQueryDto {
  /** The day to judge by (the station's today when omitted). @example 2026-12-20 */
  @IsOptional()
  @IsDateString({ strict: true })
  asOf?: string;
}
