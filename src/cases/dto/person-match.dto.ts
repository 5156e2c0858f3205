import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { IsCountryCode, IsName } from '../../common/validation/domain-validators';
import { IdentityDocumentDto, IsE164Phone } from './party.dto';

/** What the clerk knows of a person being registered; any subset. */
export class PersonMatchDto {
  @IsOptional()
  @IsName(200)
  nameOriginal?: string;

  @IsOptional()
  @IsName(200)
  nameLatin?: string;

  @IsOptional()
  @IsName(200)
  nameZh?: string;

  @IsOptional()
  @IsCountryCode()
  nationality?: string;

  @IsOptional()
  @IsE164Phone()
  phone?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => IdentityDocumentDto)
  identityDocument?: IdentityDocumentDto;
}
