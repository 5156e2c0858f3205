import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength, ValidateBy, ValidationOptions } from 'class-validator';
import { isSupportedLanguage } from '../../i18n/languages';
import { DivisionLevel, isDivisionCode } from '../../reference/administrative-divisions';
import { isCountryCode } from '../../reference/countries';
import { isDialectCode } from '../../reference/dialects';
import { isDisputeType } from '../../reference/dispute-types';
import { isLanguageTag } from '../../reference/languages-of-the-world';

/**
 * Composed validators for the domain's own value types. The constraint name is the i18n key under
 * locales/<lng>/validation.json, so every failure is explained in the caller's language.
 */
export const IsCountryCode = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isCountryCode', validator: { validate: (v) => isCountryCode(v) } }, options);

export const IsDivisionCode = (level?: DivisionLevel, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isDivisionCode',
      constraints: [level ?? 'any'],
      validator: { validate: (v) => isDivisionCode(v, level) },
    },
    options,
  );

export const IsLanguageTag = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isLanguageTag', validator: { validate: (v) => isLanguageTag(v) } }, options);

export const IsSupportedLanguage = (options?: ValidationOptions) =>
  ValidateBy(
    { name: 'isSupportedLanguage', validator: { validate: (v) => isSupportedLanguage(v) } },
    options,
  );

export const IsDialectCode = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isDialectCode', validator: { validate: (v) => isDialectCode(v) } }, options);

export const IsDisputeType = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isDisputeType', validator: { validate: (v) => isDisputeType(v) } }, options);

// Bidirectional overrides and isolates, zero-width characters and the BOM: they let a name display
// as something else in a list or a PDF, so names and identifiers may not contain them.
// ZWNJ (U+200C) stays allowed: Persian spelling needs it.
// eslint-disable-next-line no-misleading-character-class
const DECEPTIVE = /[\u202A-\u202E\u2066-\u2069\u200B\u200D\u2060\uFEFF\u200E\u200F\u061C]/;
// Lone surrogates and C0/C1 controls other than tab and newline.
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasDeceptiveCharacters(value: string): boolean {
  return DECEPTIVE.test(value);
}

export const normaliseText = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim() : value;

const IsWellFormedText = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isWellFormedText',
      validator: { validate: (v) => typeof v === 'string' && !CONTROL.test(v) },
    },
    options,
  );

const HasNoDeceptiveCharacters = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'hasNoDeceptiveCharacters',
      validator: { validate: (v) => typeof v === 'string' && !hasDeceptiveCharacters(v) },
    },
    options,
  );

/** A person's or organisation's name, or an identifier: NFC, trimmed, bounded, no deceptive characters. */
export const IsName = (max = 200, options?: ValidationOptions) =>
  applyDecorators(
    Transform(normaliseText),
    IsString(options),
    MinLength(1, options),
    MaxLength(max, options),
    IsWellFormedText(options),
    HasNoDeceptiveCharacters(options),
  );

/** Free text written by a person (an account, a statement): NFC, bounded, well-formed. */
export const IsFreeText = (max = 10000, options?: ValidationOptions) =>
  applyDecorators(
    Transform(normaliseText),
    IsString(options),
    MinLength(1, options),
    MaxLength(max, options),
    IsWellFormedText(options),
  );
