import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsLanguageTag } from '../../common/validation/domain-validators';
import {
  MEDIATOR_KINDS,
  MEDIATOR_ROLES,
  MEDIATOR_STATUSES,
  MediatorKind,
  MediatorRole,
  MediatorStatus,
} from '../mediator.entity';

/** Filters of GET /api/v1/mediators. */
export class MediatorQueryDto {
  /** Mediators serving this station. */
  @IsOptional()
  @IsUUID()
  stationId?: string;

  /** @example native_place */
  @IsOptional()
  @IsIn(MEDIATOR_KINDS)
  kind?: MediatorKind;

  /** @example interpreter */
  @IsOptional()
  @IsIn(MEDIATOR_ROLES)
  role?: MediatorRole;

  /** Speaks this language (primary subtag compared). @example ar */
  @IsOptional()
  @IsLanguageTag()
  language?: string;

  /** Home region in this province, prefecture or county (GB/T 2260). @example 520500 */
  @IsOptional()
  @Matches(/^\d{6}$/)
  region?: string;

  /** @example active */
  @IsOptional()
  @IsIn(MEDIATOR_STATUSES)
  status?: MediatorStatus;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
