import { getI18n } from '../i18n/i18n.service';
import { renderReason, Translate } from './reason-renderer';

const translate: Translate = (key, params, lng) => getI18n().t(key, { ...params, lng }) as string;

describe('reasons rendered for the reader', () => {
  const arabic = {
    key: 'mediators:reason.language',
    params: {
      role: 'applicant',
      party: 'أحمد الحسن',
      partyLatin: 'Ahmed Al-Hassan',
      language: 'ar',
      level: 'native',
    },
  };

  it('writes the party in Latin letters for an English reader, in Arabic for an Arabic one', () => {
    expect(renderReason(arabic, 'en', translate)).toBe(
      'speaks Arabic (native), the language of applicant Ahmed Al-Hassan',
    );
    const ar = renderReason(arabic, 'ar', translate);
    expect(ar).toContain('أحمد الحسن');
    expect(ar).toContain('العربية');
  });

  it('names a shared home region in the reader’s language', () => {
    const reason = {
      key: 'mediators:reason.homeRegion',
      params: { role: 'respondent', party: '张三', region: '520500' },
    };
    expect(renderReason(reason, 'en', translate)).toBe('from Bijie, Guizhou, like respondent 张三');
    expect(renderReason(reason, 'zh-CN', translate)).toBe('与被申请人张三同是贵州省毕节市人');
  });

  it('lists uncovered languages by name', () => {
    const reason = {
      key: 'mediators:policy.languageNotCovered',
      params: { role: 'applicant', party: 'عمران خان', partyLatin: 'Imran Khan', languages: 'ur' },
    };
    expect(renderReason(reason, 'en', translate)).toBe(
      'someone who speaks Urdu for applicant Imran Khan',
    );
  });
});
