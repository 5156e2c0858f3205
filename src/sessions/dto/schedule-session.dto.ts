import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsUrl,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { IsLanguageTag, IsName } from '../../common/validation/domain-validators';
import {
  INVITED_RELATIONS,
  InvitedRelation,
  PRIVATE_REASONS,
  PrivateReason,
} from '../mediation-session.entity';
import { IsSessionDateTime, IsTimeZone } from './session-validators';

export class AgentDto {
  /** The party the agent acts for. */
  @IsUUID()
  partyId: string;

  /** @example 王律师 */
  @IsName(200)
  name: string;
}

export class InvitedParticipantDto {
  /** @example 阿卜杜拉·萨利赫 */
  @IsName(200)
  name: string;

  /** Why they are there (Art. 20). @example expert */
  @IsIn(INVITED_RELATIONS)
  relation: InvitedRelation;

  /** Parties who agreed to their presence: every party of the case must. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  consentOfPartyIds: string[];
}

export class ExpectedParticipantsDto {
  /** Case parties expected at the session. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  partyIds: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AgentDto)
  agents?: AgentDto[];

  /** Mediators of the case's panel who sit in this session (mediator ids). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  panelMemberIds: string[];

  /** Registered interpreters (mediator ids). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  interpreterIds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => InvitedParticipantDto)
  invited?: InvitedParticipantDto[];
}

/** When and where a session sits. Times without an offset are read in `timeZone`. */
export class SessionTimeAndPlaceDto {
  /** Local start, or an instant with offset. @example 2026-11-10T09:30 */
  @IsSessionDateTime()
  startsAt: string;

  /** @example 2026-11-10T11:00 */
  @IsSessionDateTime()
  endsAt: string;

  /** IANA time zone; the station's when omitted (Asia/Shanghai). @example Asia/Shanghai */
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  /** A room of the station. @example 第二调解室 */
  @IsOptional()
  @IsName(200)
  room?: string;

  /** For a remote session. @example https://meeting.example.cn/j/123456 */
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  videoLink?: string;
}

export class ScheduleSessionDto extends SessionTimeAndPlaceDto {
  /** Private when a party asks, or for privacy, trade secrets or a party's objection (Art. 23). @example private */
  @IsIn(['public', 'private'])
  publicity: 'public' | 'private';

  /** Required for a private session. @example trade_secret */
  @IsOptional()
  @IsIn(PRIVATE_REASONS)
  privateReason?: PrivateReason;

  /** Languages spoken (BCP 47). @example ["ar", "zh-CN", "en"] */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @IsLanguageTag({ each: true })
  languages: string[];

  @ValidateNested()
  @Type(() => ExpectedParticipantsDto)
  participants: ExpectedParticipantsDto;
}

/** Reschedules (any of the time and place fields) or cancels a session. */
export class UpdateSessionDto {
  @IsOptional()
  @IsSessionDateTime()
  startsAt?: string;

  @IsOptional()
  @IsSessionDateTime()
  endsAt?: string;

  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @IsOptional()
  @IsName(200)
  room?: string;

  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  videoLink?: string;

  /** Set to cancel the session; its bookings are released. @example cancelled */
  @IsOptional()
  @IsIn(['cancelled'])
  status?: 'cancelled';

  /** Why the session is cancelled. @example 申请人航班延误 */
  @IsOptional()
  @IsName(2000)
  cancellationReason?: string;
}
