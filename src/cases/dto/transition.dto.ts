import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { IsName, IsSupportedLanguage } from '../../common/validation/domain-validators';
import { CASE_STATES, CaseState } from '../case-lifecycle';

export class TransitionDto {
  /** The next state. @example accepted */
  @IsIn(CASE_STATES)
  to: CaseState;

  /** Required for declining, refusing, terminating, withdrawing and "not performed". */
  @IsOptional()
  @IsName(2000)
  reason?: string;
}

export class RightsNoticeDto {
  /** The language of the notice the party received (one of the twelve document languages). @example ar */
  @IsSupportedLanguage()
  language: string;

  /** When it was delivered; now when omitted. */
  @IsOptional()
  @IsISO8601({ strict: true })
  deliveredAt?: string;
}
