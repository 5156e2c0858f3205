import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDivisionCode, IsName } from '../../common/validation/domain-validators';
import { PanelPolicy, StationKind, STATION_KINDS } from '../station.entity';

export class PanelPolicyDto implements PanelPolicy {
  @IsBoolean()
  staffMediatorForForeignParty: boolean;

  @IsBoolean()
  everyPartyLanguageCovered: boolean;

  @IsInt()
  @Min(1)
  @Max(9)
  maxMediators: number;
}

export class CreateStationDto {
  /** @example YW-JC */
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/)
  code: string;

  /** @example 义乌市金城社区移民事务服务站 */
  @IsName(200)
  nameZh: string;

  /** @example Yiwu Jincheng Immigration Service Station */
  @IsName(200)
  nameEn: string;

  @IsIn(STATION_KINDS)
  kind: StationKind;

  /** GB/T 2260 county code. @example 330782 */
  @IsDivisionCode('county')
  countyCode: string;

  @IsOptional()
  @IsName(500)
  address?: string;

  @IsOptional()
  @IsUUID()
  parentId?: string;

  /** {year} and {seq:N} are replaced. @example （{year}）义金外调字第{seq:4}号 */
  @IsString()
  @MaxLength(100)
  @Matches(/\{seq(:\d)?\}/)
  caseNumberFormat: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PanelPolicyDto)
  panelPolicy?: PanelPolicyDto;
}

export class UpdateStationDto {
  @IsOptional()
  @IsName(200)
  nameZh?: string;

  @IsOptional()
  @IsName(200)
  nameEn?: string;

  @IsOptional()
  @IsName(500)
  address?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/\{seq(:\d)?\}/)
  caseNumberFormat?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => PanelPolicyDto)
  panelPolicy?: PanelPolicyDto;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
