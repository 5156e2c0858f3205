import { findUnrenderableCharacters } from '../documents/pdf/script-runs';
import { ErrorDetail } from '../errors/domain-error';

/** Every character no embedded font can show, as an error detail naming it: never an empty box. */
export function unrenderableIn(text: string, field: string, language: string): ErrorDetail[] {
  return findUnrenderableCharacters(text).map((c) => ({
    field,
    key: 'agreements:validation.unrenderableCharacter',
    params: {
      field,
      language,
      character: c.character,
      codePoint: `U+${c.codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
    },
  }));
}
