/** The twelve interface and document languages, in the order the API lists them. */
export const SUPPORTED_LANGUAGES = [
  'zh-CN',
  'en',
  'ar',
  'fa',
  'ur',
  'hi',
  'ru',
  'fr',
  'es',
  'pt',
  'ko',
  'tr',
] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: SupportedLanguage = 'zh-CN';

export const RTL_LANGUAGES: ReadonlySet<SupportedLanguage> = new Set(['ar', 'fa', 'ur']);

export const NATIVE_NAMES: Record<SupportedLanguage, string> = {
  'zh-CN': '简体中文',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  ur: 'اردو',
  hi: 'हिन्दी',
  ru: 'Русский',
  fr: 'Français',
  es: 'Español',
  pt: 'Português',
  ko: '한국어',
  tr: 'Türkçe',
};

export function isSupportedLanguage(value: unknown): value is SupportedLanguage {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: SupportedLanguage): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** Maps any BCP 47 tag (zh, zh-Hans-CN, en-GB, pt-BR, ar-EG ...) to a supported language, or null. */
export function matchLanguage(tag: string): SupportedLanguage | null {
  const normalised = tag.trim().toLowerCase();
  if (!normalised || normalised === '*') return null;
  const [primary] = normalised.split(/[-_]/);
  // Readers of Traditional-script Chinese still read Simplified better than any other offer.
  if (primary === 'zh') return 'zh-CN';
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(primary)
    ? (primary as SupportedLanguage)
    : null;
}

/** `?lang=` wins; then the Accept-Language header by quality; then Simplified Chinese. */
export function resolveLanguage(
  queryLang: string | undefined,
  acceptLanguage: string | undefined,
): SupportedLanguage {
  if (queryLang) {
    const match = matchLanguage(queryLang);
    if (match) return match;
  }
  if (acceptLanguage) {
    const offers = acceptLanguage
      .split(',')
      .map((part, index) => {
        const [tag, ...params] = part.trim().split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        const quality = q ? Number(q.slice(2)) : 1;
        return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
      })
      .filter((offer) => offer.quality > 0)
      .sort((a, b) => b.quality - a.quality || a.index - b.index);
    for (const offer of offers) {
      const match = matchLanguage(offer.tag);
      if (match) return match;
    }
  }
  return DEFAULT_LANGUAGE;
}
