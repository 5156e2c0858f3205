import { DomainError } from '../errors/domain-error';
import { getI18n } from '../i18n/i18n.service';
import { SupportedLanguage } from '../i18n/languages';
import { Translate } from './agreement-pdf';
import { assertBlocksRenderable, textsOf } from './bilingual-document';
import {
  custodyPeriodOf,
  indexPageCount,
  paginateIndex,
  printableFileName,
} from './case-file-content';
import {
  basicCourtName,
  confirmationApplicationBlocks,
  confirmationFilingDeadline,
} from './confirmation-application-content';
import { freeTextLines } from './document-text';
import { entryLines } from './session-record-content';
import { terminationNoticeBlocks, terminationRoutes } from './termination-notice-content';

const i18n = getI18n();
const t: Translate = (key, params, language) => i18n.t(key, { ...params, lng: language }) as string;

describe('confirmationFilingDeadline (Art. 33: within 30 days of taking effect)', () => {
  it.each([
    // [effective instant (UTC), last day to file]
    ['2026-11-18T04:00:00Z', '2026-12-18'], // a Friday: stays
    ['2026-11-19T04:00:00Z', '2026-12-21'], // a Saturday: moves to Monday
    ['2026-11-20T02:00:00Z', '2026-12-21'], // a Sunday: moves to Monday
    ['2026-11-20T18:00:00Z', '2026-12-21'], // 02:00 on the 21st in China: counts from the 21st
    ['2026-12-15T09:00:00Z', '2027-01-14'], // across the year end
  ])('took effect %s: file by %s', (effective, deadline) => {
    expect(confirmationFilingDeadline(new Date(effective))).toBe(deadline);
  });

  it('prints the computed date, the version and the code, addressed to the county court', () => {
    const blocks = confirmationApplicationBlocks(
      {
        committee: { nameZh: '义乌市涉外纠纷人民调解委员会', nameEn: 'Yiwu committee' },
        countyCode: '330782',
        caseNumber: '（2026）义外调字第0007号',
        version: 2,
        verificationCode: 'K7QM2XPA9C',
        reachedOn: '2026-11-19',
        effectiveAt: new Date('2026-11-20T02:00:00Z'),
        parties: [],
        languages: ['zh-CN', 'ru'],
      },
      t,
    );
    const zh = textsOf(blocks)
      .filter((x) => x.language === 'zh-CN')
      .map((x) => x.text)
      .join('\n');
    expect(zh).toContain('致：义乌市人民法院');
    expect(zh).toContain('第2版，验证码K7QM2XPA9C');
    expect(zh).toContain('即不迟于2026年12月21日');
    const ru = textsOf(blocks)
      .filter((x) => x.language === 'ru')
      .map((x) => x.text)
      .join('\n');
    expect(ru).toContain('21 декабря 2026');
    expect(basicCourtName('330782', 'en', t)).toBe('People’s Court of Yiwu');
  });
});

describe('case file index', () => {
  it('keeps rows whole and starts a page when the next row does not fit', () => {
    expect(paginateIndex([30, 30, 30], 70, 100)).toEqual([0, 0, 1]);
    expect(paginateIndex([30, 30, 30, 30, 30], 60, 100)).toEqual([0, 0, 1, 1, 1]);
    // A row taller than a page still goes on a page of its own rather than vanishing.
    expect(paginateIndex([150, 20], 100, 100)).toEqual([0, 1]);
    expect(indexPageCount(paginateIndex([30, 30, 30], 70, 100))).toBe(2);
    expect(indexPageCount([])).toBe(1);
  });

  it('keeps a file with a written agreement long-term, others short-term', () => {
    expect(custodyPeriodOf(true)).toBe('long');
    expect(custodyPeriodOf(false)).toBe('short');
  });

  it('prints an uploaded file name with characters no font has as question marks', () => {
    expect(printableFileName('发票-invoice.pdf')).toBe('发票-invoice.pdf');
    expect(printableFileName('ნინო-scan.pdf')).toBe('????-scan.pdf');
    expect(printableFileName('a\u{1F600}b.pdf')).toBe('a?b.pdf');
  });
});

describe('termination notice (Art. 26)', () => {
  it('lists the routes the record says were explained, labour arbitration for a labour dispute', () => {
    expect(terminationRoutes('contract', ['court', 'arbitration', 'administrative'])).toEqual([
      'arbitration',
      'administrative',
      'court',
    ]);
    expect(terminationRoutes('labour', ['arbitration', 'court'])).toEqual([
      'labourArbitration',
      'court',
    ]);
    expect(terminationRoutes('contract', ['court'])).toEqual(['court']);
  });

  it('addresses the party in both languages and gives the reason as written', () => {
    const languages: SupportedLanguage[] = ['zh-CN', 'hi'];
    const blocks = terminationNoticeBlocks(
      {
        committee: { nameZh: '潮乡家园人民调解委员会', nameEn: 'Chaoxiang committee' },
        caseNumber: '（2026）潮调字第0031号',
        disputeType: 'labour',
        addressees: [
          { name: (l) => (l === 'zh-CN' ? '拉杰什·库马尔' : 'राजेश कुमार'), role: 'applicant' },
        ],
        terminatedOn: '2026-11-20',
        explainedOn: '2026-11-20',
        reason: {
          original: { language: 'hi', text: 'पक्षकार सहमत नहीं हुए।' },
          translations: [],
        },
        routesExplained: ['arbitration', 'administrative', 'court'],
        languages,
      },
      t,
    );
    const all = textsOf(blocks);
    const zh = all.filter((x) => x.language === 'zh-CN').map((x) => x.text);
    expect(zh).toContain('致：拉杰什·库马尔（申请人）');
    expect(zh.join('\n')).toContain('劳动人事争议仲裁委员会');
    expect(zh.join('\n')).toContain('于2026年11月20日终止调解');
    // No Chinese version of the reason: the Hindi original stands, once.
    expect(all.filter((x) => x.text === 'पक्षकार सहमत नहीं हुए।')).toHaveLength(1);
  });
});

describe('session record entries', () => {
  const entry = (translations: { language: string; text: string }[]) => ({
    ordinal: 2,
    speaker: { kind: 'party', name: 'أحمد الحسن' },
    text: {
      original: { language: 'ar', text: 'وصلت 120 كرتونة مكسورة.' },
      translations: translations.map((x) => ({ ...x, translatedBy: 'ليلى', checked: true })),
    },
    shown: [],
    correctsOrdinal: null,
  });

  it('gives what was said in the language spoken, then the translation into each other language', () => {
    const lines = entryLines(
      entry([{ language: 'zh-CN', text: '有120箱到货时是破的。' }]),
      ['zh-CN', 'ar'],
      t,
    );
    expect(lines.map((l) => [l.language, l.text])).toEqual([
      ['ar', 'النص كما قيل (العربية): '],
      ['ar', 'وصلت 120 كرتونة مكسورة.'],
      ['zh-CN', '译文（中文）：有120箱到货时是破的。'],
    ]);
  });

  it('says when the record has no translation into a language of the copy', () => {
    const lines = entryLines(entry([]), ['zh-CN', 'ar'], t);
    expect(lines[2]).toEqual({ text: '（笔录中无中文译文）', language: 'zh-CN', small: true });
  });
});

describe('free text and renderability', () => {
  it('adds the original once when a document language has no version of the text', () => {
    const text = {
      original: { language: 'ru', text: 'Стороны не договорились.' },
      translations: [
        { language: 'zh-CN', text: '双方未能达成一致。', translatedBy: 'x', checked: true },
      ],
    };
    expect(freeTextLines(text, ['zh-CN', 'ar'])).toEqual([
      { text: '双方未能达成一致。', language: 'zh-CN' },
      { text: 'Стороны не договорились.', language: 'ru' },
    ]);
    expect(freeTextLines(text, ['zh-CN', 'ru'])).toHaveLength(2);
  });

  it('refuses a document with a character no embedded font can show, naming it', () => {
    let error: unknown;
    try {
      assertBlocksRenderable([
        { kind: 'body', texts: { 'zh-CN': '正常的文字', ar: 'نص عادي' } },
        { kind: 'lines', lines: [{ text: 'გამარჯობა', language: 'ka' }] },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('UNRENDERABLE_TEXT');
    expect((error as DomainError).params.characters).toContain('U+10D2');
    expect((error as DomainError).details[0].params).toMatchObject({ language: 'ka' });
    expect(() =>
      assertBlocksRenderable([{ kind: 'body', texts: { 'zh-CN': '正常', hi: 'सामान्य पाठ' } }]),
    ).not.toThrow();
  });
});
