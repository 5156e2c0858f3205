import { normaliseForSearch, searchNamesOf } from './name-search';

describe('name search forms', () => {
  it('folds case and accents in any script', () => {
    expect(normaliseForSearch('Hüseyin Yılmaz')).toBe('huseyin yilmaz');
    expect(normaliseForSearch('ИВАН Петров')).toBe('иван петров');
    expect(normaliseForSearch('José  Álvarez')).toBe('jose alvarez');
    expect(normaliseForSearch('أَحْمَد')).toBe('احمد');
  });
  it('adds the pinyin of Chinese names, with and without spaces', () => {
    const forms = searchNamesOf(['张三', null, 'Zhang San']);
    expect(forms).toContain('|张三|');
    expect(forms).toContain('zhang san');
    expect(forms).toContain('zhangsan');
  });
});
