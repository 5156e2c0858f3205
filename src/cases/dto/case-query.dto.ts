import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsCountryCode, IsDisputeType } from '../../common/validation/domain-validators';
import { CASE_STATES, CaseState } from '../case-lifecycle';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

/** Filters of GET /api/v1/cases; lists are comma-separated (state=accepted,mediating). */
export class CaseQueryDto {
  @IsOptional()
  @Transform(toList)
  @IsIn(CASE_STATES, { each: true })
  state?: CaseState[];

  @IsOptional()
  @IsUUID()
  stationId?: string;

  @IsOptional()
  @Transform(toList)
  @IsDisputeType({ each: true })
  disputeType?: string[];

  /** @example 2026-01-01 */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  receivedFrom?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  receivedTo?: string;

  /** Any party of this nationality. @example YE */
  @IsOptional()
  @IsCountryCode()
  nationality?: string;

  /** Any party whose home region lies in this province (GB/T 2260, first two digits used). @example 520000 */
  @IsOptional()
  @Matches(/^\d{2}(\d{4})?$/)
  homeProvince?: string;

  /** Part of a party's name in any script or transliteration, case-insensitive. @example hassan */
  @IsOptional()
  @MaxLength(100)
  partyName?: string;

  @IsOptional()
  @MaxLength(80)
  caseNumber?: string;

  /** Only cases past the one-month limit. */
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  overdue?: boolean;

  /** Only open cases due within this many days. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  dueWithinDays?: number;

  @IsOptional()
  @IsIn(['receivedOn', 'caseNumber', 'createdAt', 'dueAt'])
  sort?: 'receivedOn' | 'caseNumber' | 'createdAt' | 'dueAt';

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

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
