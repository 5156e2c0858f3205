import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsFreeText, IsName } from '../../common/validation/domain-validators';
import { CONFLICT_KINDS, ConflictKind } from '../mediator-conflict.entity';

export class LeavePeriodDto {
  /** First day of leave (inclusive). @example 2026-12-01 */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  startsOn: string;

  /** Last day of leave (inclusive). @example 2026-12-20 */
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  endsOn: string;

  /** @example 回国探亲 */
  @IsOptional()
  @IsFreeText(500)
  reason?: string;
}

/** An organisation or person the mediator is related to; at least one of name, code or id. */
export class DeclaredConflictDto {
  /** @example organisation */
  @IsIn(CONFLICT_KINDS)
  kind: ConflictKind;

  /** @example 义乌市恒达日用品有限公司 */
  @IsOptional()
  @IsName(300)
  name?: string;

  /** Unified social credit code of a related organisation. @example 91330782MA2A1B2C3X */
  @IsOptional()
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  creditCode?: string;

  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @IsOptional()
  @IsUUID()
  personId?: string;

  /** How they are related. @example 妻弟在该公司任经理 */
  @IsName(200)
  relation: string;
}
