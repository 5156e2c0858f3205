import { matchLanguage, resolveLanguage } from './languages';

describe('resolveLanguage', () => {
  it('falls back to Simplified Chinese', () => {
    expect(resolveLanguage(undefined, undefined)).toBe('zh-CN');
    expect(resolveLanguage(undefined, 'de-DE,ja;q=0.5')).toBe('zh-CN');
  });
  it('picks the best supported offer by quality', () => {
    expect(resolveLanguage(undefined, 'de;q=1, ar;q=0.8, en;q=0.9')).toBe('en');
    expect(resolveLanguage(undefined, 'pt-BR,pt;q=0.9')).toBe('pt');
    expect(resolveLanguage(undefined, 'ur-PK')).toBe('ur');
    expect(resolveLanguage(undefined, 'en;q=0, fa')).toBe('fa');
  });
  it('lets ?lang= win, ignoring an unknown one', () => {
    expect(resolveLanguage('ko', 'ru')).toBe('ko');
    expect(resolveLanguage('xx', 'ru')).toBe('ru');
  });
  it('maps every Chinese tag to zh-CN', () => {
    expect(matchLanguage('zh')).toBe('zh-CN');
    expect(matchLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(matchLanguage('zh_TW')).toBe('zh-CN');
  });
});
