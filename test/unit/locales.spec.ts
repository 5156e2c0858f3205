import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES } from '../../src/i18n/languages';
import { loadLocaleResources } from '../../src/i18n/i18n.service';

/**
 * Every language we claim is real: every key of zh-CN exists in every locale with the same
 * placeholders, and no non-Latin-script locale holds an English (Latin-only) sentence.
 */
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flatten(value, path));
  }
  return out;
}

const placeholders = (value: string) =>
  [...value.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const SCRIPT_OF: Record<string, RegExp> = {
  'zh-CN': /\p{Script=Han}/u,
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  ur: /\p{Script=Arabic}/u,
  hi: /\p{Script=Devanagari}/u,
  ru: /\p{Script=Cyrillic}/u,
  ko: /\p{Script=Hangul}/u,
};

// Values that are the same in every script: codes, proper names written in Latin letters.
const SCRIPT_NEUTRAL = /^[\s\d\p{P}\p{S}]*$|^(Hakka|[A-Z][A-Za-z-]+ \([A-Za-z,\s]+\))$/u;

const resources = loadLocaleResources();
const reference = resources[DEFAULT_LANGUAGE];

describe('locales', () => {
  it('has every supported language with the same namespaces', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      expect(Object.keys(resources[language]).sort()).toEqual(Object.keys(reference).sort());
    }
  });

  for (const namespace of Object.keys(reference)) {
    const keys = flatten(reference[namespace] as Tree);
    describe(`namespace ${namespace}`, () => {
      for (const language of SUPPORTED_LANGUAGES) {
        it(`${language}: every key, same placeholders, in its own script`, () => {
          const translated = flatten((resources[language][namespace] ?? {}) as Tree);
          const missing = Object.keys(keys).filter(
            (k) => !(k in translated) || translated[k].trim() === '',
          );
          expect(missing).toEqual([]);
          const extra = Object.keys(translated).filter((k) => !(k in keys));
          expect(extra).toEqual([]);
          const mismatched = Object.keys(keys).filter(
            (k) => placeholders(keys[k]).join() !== placeholders(translated[k]).join(),
          );
          expect(mismatched).toEqual([]);
          const script = SCRIPT_OF[language];
          if (script) {
            const english = Object.entries(translated)
              .map(([k, v]) => [k, v.replace(/\{\{[^}]+\}\}/g, '')] as const)
              .filter(([, v]) => !script.test(v) && !SCRIPT_NEUTRAL.test(v))
              .map(([k, v]) => `${k}: ${v}`);
            expect(english).toEqual([]);
          }
        });
      }
    });
  }
});
