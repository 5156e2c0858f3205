import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  IsDivisionCode,
  IsName,
  IsSupportedLanguage,
} from '../../common/validation/domain-validators';
import { Role, ROLES } from '../roles';
import { User } from '../user.entity';

export class CreateUserDto {
  /** @example clerk.jincheng */
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/)
  username: string;

  /** @example 金城站 王丽 */
  @IsName(200)
  displayName: string;

  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;

  @IsIn(ROLES)
  role: Role;

  /** Required for clerks: the station they work at. */
  @IsOptional()
  @IsUUID()
  stationId?: string;

  /** Required for mediator accounts: their mediator profile. */
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  /** Required for bureau accounts: the GB/T 2260 code of the county (or prefecture, province) they supervise. */
  @IsOptional()
  @IsDivisionCode()
  countyCode?: string;

  @IsOptional()
  @IsSupportedLanguage()
  preferredLanguage?: string;
}

export class UpdateUserDto {
  @IsOptional()
  @IsName(200)
  displayName?: string;

  /** Disabling takes effect at once: the user's tokens stop working on their next request. */
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;

  @IsOptional()
  @IsSupportedLanguage()
  preferredLanguage?: string;
}

/** What a signed-in user may change about themself: the interface language, kept across devices. */
export class UpdateMeDto {
  /** @example ar */
  @IsSupportedLanguage()
  preferredLanguage: string;
}

export class UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  stationId: string | null;
  mediatorId: string | null;
  countyCode: string | null;
  preferredLanguage: string;
  disabled: boolean;
  createdAt: Date;

  static of(user: User): UserView {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      stationId: user.stationId,
      mediatorId: user.mediatorId,
      countyCode: user.countyCode,
      preferredLanguage: user.preferredLanguage,
      disabled: user.disabled,
      createdAt: user.createdAt,
    };
  }
}
