/**
 * Free text a person wrote (an account of the dispute, a statement in a session, a clause): the
 * original in the language it was written or spoken in, plus translations, each saying who made it
 * and whether a person checked it. Shared by every module that stores what people say.
 */
export interface TextInLanguage {
  /** BCP 47 tag, e.g. ar, zh-CN, ur. */
  language: string;
  text: string;
}

export interface Translation extends TextInLanguage {
  /** Who translated: a user id, an interpreter's name, or `machine:<engine>`. */
  translatedBy: string;
  checked: boolean;
  checkedBy?: string;
  checkedAt?: string;
}

export interface MultilingualText {
  original: TextInLanguage;
  translations: Translation[];
}

const primary = (tag: string) => tag.split('-')[0].toLowerCase();

/** The text in a language: the original if written in it, else its translation (checked ones first). */
export function textIn(
  value: MultilingualText,
  language: string,
): (TextInLanguage & { checked: boolean; isOriginal: boolean }) | undefined {
  if (primary(value.original.language) === primary(language))
    return { ...value.original, checked: true, isOriginal: true };
  const candidates = value.translations.filter((t) => primary(t.language) === primary(language));
  const best = candidates.find((t) => t.checked) ?? candidates[0];
  return best
    ? { language: best.language, text: best.text, checked: best.checked, isOriginal: false }
    : undefined;
}

/** Languages the text is available in with a checked translation (or as the original). */
export function checkedLanguages(value: MultilingualText): string[] {
  return [
    value.original.language,
    ...value.translations.filter((t) => t.checked).map((t) => t.language),
  ];
}
