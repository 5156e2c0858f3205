import { I18nService, loadLocaleResources } from './i18n.service';
import { SUPPORTED_LANGUAGES } from './languages';
import { compilePlainTemplate } from './plain-template';

/** Every key of every namespace whose value is a string, as `namespace:dotted.key`. */
function allKeys(): string[] {
  const keys = new Set<string>();
  const walk = (prefix: string, node: unknown) => {
    if (typeof node === 'string') keys.add(prefix);
    else if (node && typeof node === 'object')
      for (const [name, inner] of Object.entries(node)) walk(`${prefix}.${name}`, inner);
  };
  for (const namespaces of Object.values(loadLocaleResources()))
    for (const [ns, tree] of Object.entries(namespaces))
      for (const [name, node] of Object.entries(tree)) walk(`${ns}:${name}`, node);
  return [...keys];
}

describe('plain templates fill sentences as i18next does', () => {
  const i18n = new I18nService();
  const keys = allKeys();
  const variablesOf = (key: string) =>
    [...i18n.translate(key, {}, 'en').matchAll(/{{(.+?)}}/g)].map((m) => m[1].trim());

  const parameterSets = (names: string[]): Record<string, unknown>[] => [
    {},
    Object.fromEntries(names.map((n, i) => [n, `${n} $& $1 $$ ${i}`])),
    Object.fromEntries(names.map((n, i) => [n, i % 2 ? 0 : ''])),
    Object.fromEntries(names.map((n) => [n, 'a $t(common:yes) b'])),
    Object.fromEntries(names.map((n) => [n, `{{${names[0]}}}`])),
    Object.fromEntries(names.slice(1).map((n) => [n, 12.5])),
    { count: 2, ...Object.fromEntries(names.map((n) => [n, 'x'])) },
  ];

  it('covers the locale files', () => expect(keys.length).toBeGreaterThan(500));

  it.each(SUPPORTED_LANGUAGES)('gives the same text for every key in %s', (language) => {
    const different: string[][] = [];
    for (const key of keys)
      for (const params of parameterSets(variablesOf(key))) {
        const plain = i18n.translatePlain(key, params, language);
        const full = i18n.translate(key, params, language);
        if (plain !== full) different.push([key, plain, full]);
      }
    expect(different).toEqual([]);
  });

  it('gives the same text for a missing key', () => {
    expect(i18n.translatePlain('mediators:reason.noSuchKey', { a: 1 }, 'en')).toBe(
      i18n.translate('mediators:reason.noSuchKey', { a: 1 }, 'en'),
    );
  });

  it('leaves nesting, formats and unescaped placeholders to i18next', () => {
    expect(compilePlainTemplate('see $t(common:other)')).toBeNull();
    expect(compilePlainTemplate('{{value, number}}')).toBeNull();
    expect(compilePlainTemplate('{{- name}}')).toBeNull();
    expect(compilePlainTemplate('{{party.name}}')).toBeNull();
    expect(compilePlainTemplate('{{count}} cases')).toBeNull();
    expect(compilePlainTemplate('{{ name }} and {{other}}')!({ name: 'A', other: 2 })).toBe(
      'A and 2',
    );
  });
});
