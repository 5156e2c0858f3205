import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsFreeText, IsLanguageTag, IsName } from '../validation/domain-validators';
import { MultilingualText, Translation } from './multilingual-text';

export class TextInLanguageDto {
  /** BCP 47 language tag. @example ar */
  @IsLanguageTag()
  language: string;

  /** @example اشتريت 500 كرتونة من الأكواب ولم تصل البضاعة. */
  @IsFreeText(20000)
  text: string;
}

export class TranslationDto extends TextInLanguageDto implements Translation {
  /** Who translated: a person's name, a user id, or machine:<engine>. @example 金城站翻译 李娜 */
  @IsName(200)
  translatedBy: string;

  /** Whether a person checked the translation against the original. */
  @IsBoolean()
  checked: boolean;

  @IsOptional()
  @IsName(200)
  checkedBy?: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  checkedAt?: string;
}

/** Free text in its original language with translations. */
export class MultilingualTextDto implements MultilingualText {
  @ValidateNested()
  @Type(() => TextInLanguageDto)
  original: TextInLanguageDto;

  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TranslationDto)
  translations: TranslationDto[] = [];
}
