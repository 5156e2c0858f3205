import { hasDeceptiveCharacters } from '../../common/validation/domain-validators';
import { findUnrenderableCharacters } from '../../documents/pdf/script-runs';
import { SUPPORTED_LANGUAGES, SupportedLanguage } from '../../i18n/languages';
import {
  CLAUSE_KINDS,
  chineseCapitalAmount,
  clauseLanguageProblems,
  clauseParameterProblems,
  ClauseKind,
  ClauseRenderError,
  formatAmountNumber,
  formatClauseDate,
  listClauseKinds,
  renderClause,
} from './clause-library';
import { SAMPLE_PARAMS, sampleNames } from './clause-samples.fixture';

const render = (
  kind: ClauseKind,
  language: SupportedLanguage,
  params: unknown = SAMPLE_PARAMS[kind],
) => renderClause(kind, params as never, language, sampleNames(language));

const MONEY_KINDS: ClauseKind[] = [
  'lump_sum_payment',
  'instalments',
  'refund',
  'deposit_return',
  'wage_arrears',
];
const DATED_KINDS: ClauseKind[] = [
  ...MONEY_KINDS,
  'delivery_of_goods',
  'return_of_goods',
  'apology',
];

// 50000.00 as each locale groups it (Latin digits everywhere; see clause-formatting).
const FIFTY_THOUSAND: Record<SupportedLanguage, string> = {
  'zh-CN': '50,000.00',
  en: '50,000.00',
  ar: '50,000.00',
  fa: '50,000.00',
  ur: '50,000.00',
  hi: '50,000.00',
  ru: '50\u00A0000,00',
  fr: '50\u202F000,00',
  es: '50.000,00',
  pt: '50.000,00',
  ko: '50,000.00',
  tr: '50.000,00',
};

const FIRST_OF_MARCH: Record<SupportedLanguage, string> = {
  'zh-CN': '2026年3月1日',
  en: '1 March 2026',
  ar: '1 مارس 2026',
  fa: '1 مارس 2026',
  ur: '1 مارچ، 2026',
  hi: '1 मार्च 2026',
  ru: '1 марта 2026 г.',
  fr: '1er mars 2026',
  es: '1 de marzo de 2026',
  pt: '1º de março de 2026',
  ko: '2026년 3월 1일',
  tr: '1 Mart 2026',
};

const SCRIPT: Partial<Record<SupportedLanguage, RegExp>> = {
  'zh-CN': /\p{Script=Han}/u,
  ar: /\p{Script=Arabic}/u,
  fa: /\p{Script=Arabic}/u,
  ur: /\p{Script=Arabic}/u,
  hi: /\p{Script=Devanagari}/u,
  ru: /\p{Script=Cyrillic}/u,
  ko: /\p{Script=Hangul}/u,
};

describe('clause library: every kind in every language', () => {
  const cases = SUPPORTED_LANGUAGES.flatMap((language) =>
    CLAUSE_KINDS.map((kind) => [language, kind] as const),
  );

  it.each(cases)('%s %s: filled, formatted, printable', (language, kind) => {
    const text = render(kind, language);
    expect(text.length).toBeGreaterThan(20);
    for (const leftover of ['{{', '}}', '${', 'undefined', 'NaN', 'null', '[object', '..']) {
      expect(text).not.toContain(leftover);
    }
    expect(text).toMatch(/[.。।۔]$/u);
    expect(text).not.toMatch(/\s{2}/);
    const script = SCRIPT[language];
    if (script) expect(text).toMatch(script);
    if (MONEY_KINDS.includes(kind)) expect(text).toContain(FIFTY_THOUSAND[language]);
    if (DATED_KINDS.includes(kind)) expect(text).toContain(FIRST_OF_MARCH[language]);
    // Latin digits only: no Arabic-Indic, Persian or Devanagari digits anywhere.
    expect(text).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F]/);
    expect(hasDeceptiveCharacters(text)).toBe(false);
    expect(findUnrenderableCharacters(text)).toEqual([]);
  });

  it('writes the lump-sum clause exactly as a clerk would in zh-CN, en, ar, ru, fr and hi', () => {
    expect(render('lump_sum_payment', 'zh-CN')).toBe(
      '义乌市福泰贸易有限公司于2026年3月1日前以银行转账方式一次性向Ahmed Al-Sayed支付人民币50,000.00元（大写：人民币伍万元整）。',
    );
    expect(render('lump_sum_payment', 'en')).toBe(
      'Yiwu Futai Trading Co., Ltd. shall pay Ahmed Al-Sayed the sum of CNY\u00A050,000.00 in a single payment by bank transfer on or before 1 March 2026.',
    );
    expect(render('lump_sum_payment', 'ar')).toBe(
      'يلتزم Yiwu Futai Trading Co., Ltd. بأن يدفع إلى أحمد السيد مبلغًا قدره 50,000.00 يوان صيني (CNY) دفعةً واحدةً عن طريق التحويل المصرفي في موعد أقصاه 1 مارس 2026.',
    );
    expect(render('lump_sum_payment', 'ru')).toBe(
      'Yiwu Futai Trading Co., Ltd. обязуется единовременно уплатить Ahmed Al-Sayed денежную сумму в размере 50\u00A0000,00\u00A0CNY банковским переводом не позднее 1 марта 2026 г.',
    );
    expect(render('lump_sum_payment', 'fr')).toBe(
      'Yiwu Futai Trading Co., Ltd. s’engage à verser à Ahmed Al-Sayed la somme de 50\u202F000,00\u00A0CNY en un seul versement par virement bancaire, au plus tard le 1er mars 2026.',
    );
    expect(render('lump_sum_payment', 'hi')).toBe(
      'Yiwu Futai Trading Co., Ltd., Ahmed Al-Sayed को 50,000.00 चीनी युआन (CNY) की राशि का एकमुश्त भुगतान बैंक अंतरण द्वारा 1 मार्च 2026 को या उससे पहले करेगा।',
    );
  });

  it('numbers the instalments, prints the exact total and makes acceleration optional', () => {
    const zh = render('instalments', 'zh-CN');
    expect(zh).toContain('分3期');
    expect(zh).toContain(
      '第1期，于2026年3月1日前支付人民币20,000.00元；第2期，于2026年4月1日前支付人民币20,000.00元；第3期',
    );
    expect(zh).toContain('剩余未付款项视为全部到期');
    const without = {
      ...SAMPLE_PARAMS.instalments,
      accelerateOnDefault: undefined,
      total: undefined,
    };
    const en = render('instalments', 'en', without);
    expect(en).toContain('the total sum of CNY\u00A050,000.00 in 3 instalments');
    expect(en).not.toContain('become due immediately');
    // 0.10 + 0.20 is 0.30 exactly in minor units (0.30000000000000004 in floating point).
    const cents = {
      payer: 'respondent:1',
      payee: 'applicant:1',
      instalments: [
        { amount: { amount: '0.10', currency: 'CNY' }, dueDate: '2026-03-01' },
        { amount: { amount: '0.20', currency: 'CNY' }, dueDate: '2026-04-01' },
      ],
      total: { amount: '0.30', currency: 'CNY' },
    };
    expect(clauseParameterProblems('instalments', cents)).toEqual([]);
    expect(render('instalments', 'zh-CN', { ...cents, total: undefined })).toContain(
      '共计人民币0.30元（大写：人民币叁角整）',
    );
  });

  it('names Chinese and the other languages in the "Chinese text prevails" clause', () => {
    expect(render('chinese_text_prevails', 'zh-CN')).toBe(
      '本协议以中文和阿拉伯文写成，两种文本如有不一致，以中文文本为准。',
    );
    expect(render('chinese_text_prevails', 'en', {})).toBe(
      'This agreement is made in Chinese and English. In the event of any discrepancy between the two texts, the Chinese text shall prevail.',
    );
    expect(render('chinese_text_prevails', 'zh-CN', {})).toContain('以中文文本为准。');
    expect(render('chinese_text_prevails', 'ru', { languages: ['ur', 'en'] })).toBe(
      'Настоящее соглашение составлено на китайском языке, на английском языке и на языке урду. В случае расхождений между текстами преимущественную силу имеет текст на китайском языке.',
    );
    expect(render('chinese_text_prevails', 'ar', { languages: ['ar', 'en'] })).toContain(
      'باللغات الصينية والإنجليزية والعربية',
    );
  });

  it('uses Korean particles that fit the word before them', () => {
    const names = (ref: string) => (ref === 'applicant:1' ? '김민수' : '이지아');
    const text = renderClause('apology', SAMPLE_PARAMS.apology, 'ko', names);
    expect(text).toBe('이지아는 2026년 3월 1일까지 김민수에게 서면으로 사과한다.');
  });
});

describe('clause formatting', () => {
  it('formats amounts exactly, with locale grouping and Latin digits', () => {
    const m = (amount: string, currency = 'CNY') => ({ amount, currency });
    expect(formatAmountNumber(m('1234567.5'), 'hi')).toBe('12,34,567.50');
    expect(formatAmountNumber(m('1234567.5'), 'ar')).toBe('1,234,567.50');
    expect(formatAmountNumber(m('999999999999999.99'), 'en')).toBe('999,999,999,999,999.99');
    expect(formatAmountNumber(m('5000', 'JPY'), 'ko')).toBe('5,000');
    expect(formatAmountNumber(m('1.5', 'KWD'), 'ar')).toBe('1.500');
  });

  it('formats dates in the Gregorian calendar for every locale', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      expect(formatClauseDate('2026-03-01', language)).toBe(FIRST_OF_MARCH[language]);
      expect(formatClauseDate('2025-12-31', language)).toMatch(/2025/);
    }
  });

  it.each([
    ['50000.00', '伍万元整'],
    ['100050.05', '壹拾万零伍拾元零伍分'],
    ['1005.10', '壹仟零伍元壹角整'],
    ['100000000.00', '壹亿元整'],
    ['100000001', '壹亿零壹元整'],
    ['20760.35', '贰万零柒佰陆拾元叁角伍分'],
    ['0.05', '伍分'],
  ])('writes %s in Chinese capital numerals as %s', (amount, expected) => {
    expect(chineseCapitalAmount(amount, 'CNY')).toBe(expected);
  });
});

describe('clause parameter validation', () => {
  const lump = SAMPLE_PARAMS.lump_sum_payment;
  const keys = (kind: ClauseKind, params: unknown) =>
    clauseParameterProblems(kind, params).map((p) => `${p.field} ${p.key}`);

  it('accepts every sample', () => {
    for (const kind of CLAUSE_KINDS) expect(keys(kind, SAMPLE_PARAMS[kind])).toEqual([]);
  });

  it('refuses a float amount, too many decimals and an unknown currency', () => {
    expect(
      keys('lump_sum_payment', { ...lump, amount: { amount: 50000.5, currency: 'CNY' } }),
    ).toEqual(['amount.amount agreements:clause.amountNotDecimal']);
    expect(
      keys('lump_sum_payment', { ...lump, amount: { amount: '10.001', currency: 'CNY' } }),
    ).toEqual(['amount.amount agreements:clause.amountTooPrecise']);
    expect(keys('refund', { ...lump, amount: { amount: '100.5', currency: 'JPY' } })).toEqual([
      'amount.amount agreements:clause.amountTooPrecise',
    ]);
    expect(
      keys('lump_sum_payment', { ...lump, amount: { amount: '5e4', currency: 'CNY' } }),
    ).toEqual(['amount.amount agreements:clause.amountNotDecimal']);
    expect(
      keys('lump_sum_payment', { ...lump, amount: { amount: '0.00', currency: 'CNY' } }),
    ).toEqual(['amount.amount agreements:clause.amountNotPositive']);
    expect(
      keys('lump_sum_payment', { ...lump, amount: { amount: '10', currency: 'RMB' } }),
    ).toEqual(['amount.currency agreements:clause.unknownCurrency']);
  });

  it('refuses impossible and malformed dates', () => {
    for (const dueDate of ['2026-02-30', '2026-3-1', '01/03/2026', '2026-13-01', 20260301]) {
      expect(keys('lump_sum_payment', { ...lump, dueDate })).toEqual([
        'dueDate validation:isDateString',
      ]);
    }
    expect(keys('lump_sum_payment', { ...lump, dueDate: '2028-02-29' })).toEqual([]);
    expect(
      keys('wage_arrears', { ...SAMPLE_PARAMS.wage_arrears, periodFrom: '2026-01-01' }),
    ).toEqual(['periodTo agreements:clause.periodReversed']);
  });

  it('refuses instalments that do not add up, mix currencies or run backwards', () => {
    const base = SAMPLE_PARAMS.instalments;
    expect(
      keys('instalments', { ...base, total: { amount: '50000.01', currency: 'CNY' } }),
    ).toEqual(['instalments agreements:clause.instalmentsDoNotSum']);
    const [first, second, third] = base.instalments;
    expect(
      keys('instalments', {
        ...base,
        instalments: [first, { ...second, amount: { amount: '20000', currency: 'USD' } }, third],
      }),
    ).toEqual(['instalments.1.amount.currency agreements:clause.currencyMismatch']);
    expect(keys('instalments', { ...base, instalments: [second, first, third] })).toEqual([
      'instalments.1.dueDate agreements:clause.datesNotAscending',
    ]);
    expect(keys('instalments', { ...base, instalments: [first], total: undefined })).toEqual([
      'instalments validation:arrayMinSize',
    ]);
    expect(keys('instalments', { ...base, total: { amount: '50000', currency: 'USD' } })).toEqual([
      'total.currency agreements:clause.currencyMismatch',
    ]);
  });

  it('refuses missing, unknown and inconsistent parameters', () => {
    expect(keys('lump_sum_payment', { payee: 'applicant:1' })).toEqual([
      'payer validation:isDefined',
      'amount validation:isDefined',
      'dueDate validation:isDefined',
    ]);
    expect(keys('lump_sum_payment', { ...lump, interest: '5%' })).toEqual([
      'interest validation:whitelistValidation',
    ]);
    expect(keys('lump_sum_payment', { ...lump, method: 'paypal' })).toEqual([
      'method validation:isIn',
    ]);
    expect(keys('lump_sum_payment', { ...lump, payee: lump.payer })).toEqual([
      'payee agreements:clause.samePartyTwice',
    ]);
    expect(keys('apology', { ...SAMPLE_PARAMS.apology, form: 'sung' })).toEqual([
      'form validation:isIn',
    ]);
    expect(keys('chinese_text_prevails', { languages: ['zh-CN'] })).toEqual([
      'languages.0 validation:isSupportedLanguage',
    ]);
    expect(keys('bogus' as ClauseKind, {})).toEqual(['clause agreements:clause.unknownKind']);
    const known = new Set(['applicant:1']);
    expect(
      clauseParameterProblems('lump_sum_payment', lump, {
        partyExists: (ref) => known.has(ref),
      }).map((p) => p.key),
    ).toEqual(['agreements:clause.unknownParty']);
  });

  it('reports free texts missing or unchecked in a language, and refuses to render them', () => {
    const goods = { 'zh-CN': '保温杯500个', en: '500 vacuum flasks' };
    const params = { ...SAMPLE_PARAMS.delivery_of_goods, goods };
    expect(clauseLanguageProblems('delivery_of_goods', params, ['zh-CN', 'en', 'ar'])).toEqual([
      {
        field: 'goods',
        key: 'agreements:clause.textMissing',
        params: { field: 'goods', language: 'ar' },
      },
    ]);
    const multilingual = {
      original: { language: 'zh-CN', text: '保温杯500个' },
      translations: [
        { language: 'ar', text: '500 ترمس', translatedBy: 'machine:x', checked: false },
      ],
    };
    expect(
      clauseLanguageProblems('delivery_of_goods', { ...params, goods: multilingual }, [
        'zh-CN',
        'ar',
      ]).map((p) => p.key),
    ).toEqual(['agreements:clause.textUnchecked']);
    expect(() => render('delivery_of_goods', 'ar', params)).toThrow(ClauseRenderError);
    expect(() => render('lump_sum_payment', 'en', { ...lump, dueDate: '2026-02-30' })).toThrow(
      ClauseRenderError,
    );
  });

  it('lists every kind with its parameters', () => {
    const kinds = listClauseKinds();
    expect(kinds.map((k) => k.kind)).toEqual([...CLAUSE_KINDS]);
    expect(kinds.find((k) => k.kind === 'instalments')?.parameters.map((p) => p.name)).toEqual([
      'payer',
      'payee',
      'instalments',
      'total',
      'method',
      'accelerateOnDefault',
    ]);
    expect(
      kinds.find((k) => k.kind === 'lump_sum_payment')?.parameters.find((p) => p.name === 'method')
        ?.values,
    ).toEqual(['bank_transfer', 'cash', 'wechat_pay', 'alipay']);
  });
});
