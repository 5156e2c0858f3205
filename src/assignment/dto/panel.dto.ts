import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsFreeText } from '../../common/validation/domain-validators';

/** The whole panel of a case: replaces the current one. */
export class AssignPanelDto {
  /** The presiding mediator. @example 1b0e7a52-93c4-4a55-8d1e-3f0c2b7d9e11 */
  @IsUUID()
  leadId: string;

  /** @example ["6a2f3c41-0d8e-4b7a-9c55-1e2d3f4a5b6c"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  coMediatorIds?: string[];

  /** @example ["0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  interpreterIds?: string[];
}

/** A party asks a mediator to step aside (or refuses one not yet on the panel). */
export class RecusalDto {
  @IsUUID()
  partyId: string;

  @IsUUID()
  mediatorId: string;

  /** @example 申请人认为该调解员与被申请人是同乡，担心不公正 */
  @IsFreeText(2000)
  reason: string;

  /** Who takes the seat; chosen from the suggestions when absent. */
  @IsOptional()
  @IsUUID()
  replacementId?: string;
}

/** A mediator declares a conflict of interest and leaves the panel. */
export class WithdrawalDto {
  /** Required when a clerk records it; a mediator withdraws themself. */
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  /** @example 本人与被申请人法定代表人系远亲 */
  @IsFreeText(2000)
  reason: string;

  @IsOptional()
  @IsUUID()
  replacementId?: string;
}

/** A party chooses a mediator (Art. 19). */
export class NominationDto {
  @IsUUID()
  partyId: string;

  @IsUUID()
  mediatorId: string;

  /** @example lead */
  @IsOptional()
  @IsIn(['lead', 'co_mediator'])
  seat?: 'lead' | 'co_mediator';
}
