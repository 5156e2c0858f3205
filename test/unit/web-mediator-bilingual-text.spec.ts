import {
  copyLanguageOf,
  fromMultilingual,
  gapsOf,
  toMultilingual,
} from '../../src/web/client/pages/mediator/bilingual-text';

const LANGUAGES = ['zh-CN', 'en', 'ar', 'fa', 'ur', 'hi', 'ru', 'fr', 'es', 'pt', 'ko', 'tr'];

describe('agreement texts side by side', () => {
  it('marks each language of the agreement that is missing or unchecked, as issuing would', () => {
    const value = {
      text: { 'zh-CN': '浙江省义乌市', ar: 'مدينة ييوو', ru: '' },
      checked: { ar: false },
    };
    expect([...gapsOf(value, ['zh-CN', 'ar', 'ru'])]).toEqual([
      ['ar', 'unchecked'],
      ['ru', 'missing'],
    ]);
    value.checked.ar = true;
    expect([...gapsOf(value, ['zh-CN', 'ar'])]).toEqual([]);
    expect([...gapsOf({ text: { ar: 'نص' }, checked: { ar: true } }, ['zh-CN', 'ar'])]).toEqual([
      ['zh-CN', 'missing'],
    ]);
  });

  it('sends Chinese as the original with one translation per other language, and reads it back', () => {
    const sent = toMultilingual(
      { text: { 'zh-CN': ' 银行转账 ', ar: 'تحويل مصرفي', ru: '  ' }, checked: { ar: true } },
      'Salem Bawazir',
    );
    expect(sent).toEqual({
      original: { language: 'zh-CN', text: '银行转账' },
      translations: [
        { language: 'ar', text: 'تحويل مصرفي', translatedBy: 'Salem Bawazir', checked: true },
      ],
    });
    expect(fromMultilingual(sent)).toEqual({
      text: { 'zh-CN': '银行转账', ar: 'تحويل مصرفي' },
      checked: { ar: true },
    });
    // A text first written in Arabic, with a checked translation preferred over an unchecked one.
    expect(
      fromMultilingual({
        original: { language: 'ar', text: 'الأصل' },
        translations: [
          { language: 'zh', text: '草稿', translatedBy: 'a', checked: false },
          { language: 'zh-CN', text: '定稿', translatedBy: 'b', checked: true },
        ],
      }),
    ).toEqual({ text: { ar: 'الأصل', 'zh-CN': '定稿' }, checked: { ar: true } });
  });

  it('takes a party copy language as the server does', () => {
    const person = (preferredLanguages: string[]) => ({
      person: { preferredLanguages },
      organisation: null,
    });
    expect(copyLanguageOf(person(['ar', 'en']), LANGUAGES)).toBe('ar');
    expect(copyLanguageOf(person(['de', 'ru']), LANGUAGES)).toBe('ru');
    expect(copyLanguageOf(person(['zh-Hans']), LANGUAGES)).toBe('zh-CN');
    expect(copyLanguageOf(person(['de']), LANGUAGES)).toBe('en');
    expect(copyLanguageOf({ person: null, organisation: { country: 'CN' } }, LANGUAGES)).toBe(
      'zh-CN',
    );
    expect(copyLanguageOf({ person: null, organisation: { country: 'YE' } }, LANGUAGES)).toBe('en');
  });
});
