import { pinyin } from 'pinyin-pro';

/**
 * Search form of a name: NFKD with combining marks removed (Hüseyin → huseyin, José → jose),
 * lower case (also Cyrillic and Latin), Arabic tatweel and diacritics removed, spaces collapsed.
 */
export function normaliseForSearch(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/[ıİ]/g, 'i')
    .toLowerCase()
    .replace(/[\u200c\u200d]/g, '')
    .replace(/[\s.,'’"-]+/g, ' ')
    .trim();
}

/** Every searchable form of a party's names, including the toneless pinyin of a Chinese name. */
export function searchNamesOf(names: (string | null | undefined)[]): string {
  const forms = new Set<string>();
  // Each form also without spaces, so "long deming" finds 龙德明 and "alhassan" finds Al-Hassan.
  const add = (form: string) => {
    const normalised = normaliseForSearch(form);
    forms.add(normalised);
    forms.add(normalised.replace(/ /g, ''));
  };
  for (const name of names) {
    if (!name) continue;
    add(name);
    if (/\p{Script=Han}/u.test(name))
      add(
        (pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[]).join(
          ' ',
        ),
      );
  }
  return `|${[...forms].join('|')}|`.slice(0, 1000);
}
