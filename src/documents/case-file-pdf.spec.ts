import { getI18n } from '../i18n/i18n.service';
import { SupportedLanguage } from '../i18n/languages';
import { Translate } from './agreement-pdf';
import { CaseFileDocument, CaseFileSection, renderCaseFile } from './case-file-pdf';

const i18n = getI18n();
const t: Translate = (key, params, language) => i18n.t(key, { ...params, lng: language }) as string;
const languages: SupportedLanguage[] = ['zh-CN', 'ar'];

const section = (n: number, paragraphs = 1): CaseFileSection => ({
  title: { 'zh-CN': `第${n}号材料`, ar: `المستند رقم ${n}` },
  date: '2026-11-02',
  languages,
  blocks: [
    { kind: 'title', texts: { 'zh-CN': `第${n}号材料`, ar: `المستند رقم ${n}` } },
    ...Array.from({ length: paragraphs }, () => ({
      kind: 'body' as const,
      texts: {
        'zh-CN': '双方就所交付货物的质量发生争议，经调解未能达成一致意见。',
        ar: 'اختلف الطرفان حول جودة البضائع المسلَّمة ولم يتفقا بعد الوساطة.',
      },
    })),
  ],
});

const file = (sections: CaseFileSection[]): CaseFileDocument => ({
  committee: { nameZh: '义乌市涉外纠纷人民调解委员会', nameEn: 'Yiwu committee' },
  caseNumber: '（2026）义外调字第0007号',
  languages,
  documentDate: new Date('2026-11-20T02:00:00Z'),
  cover: {
    committee: { nameZh: '义乌市涉外纠纷人民调解委员会', nameEn: 'Yiwu committee' },
    caseNumber: '（2026）义外调字第0007号',
    parties: [],
    disputeType: 'contract',
    receivedOn: '2026-11-02',
    closedOn: null,
    state: 'terminated',
    mediators: ['王建华'],
    custody: 'short',
    languages,
  },
  sections,
});

describe('renderCaseFile', () => {
  it('numbers the documents after an index of two pages, a long document pushing the next ones on', async () => {
    const sections = Array.from({ length: 24 }, (_, i) => section(i + 1, i === 2 ? 60 : 1));
    const rendered = await renderCaseFile(file(sections), t);
    // Cover (1), index (2-3): the first document starts on page 4.
    expect(rendered.startPages[0]).toBe(4);
    expect(rendered.startPages[1]).toBe(5);
    const long = rendered.startPages[3] - rendered.startPages[2];
    expect(long).toBeGreaterThan(2);
    for (let i = 4; i < sections.length; i++)
      expect(rendered.startPages[i]).toBe(rendered.startPages[i - 1] + 1);
    expect(rendered.pageCount).toBe(rendered.startPages[23]);

    // The cover and index alone carry the same numbers, in a document of three pages.
    const cover = await renderCaseFile(file(sections), t, {
      coverAndIndexOnly: { startPages: rendered.startPages, pageCount: rendered.pageCount },
    });
    expect(cover.startPages).toEqual(rendered.startPages);
    expect((cover.pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(3);
  }, 60_000);

  it('renders the same file to the same bytes', async () => {
    const sections = [section(1), section(2, 3)];
    const a = await renderCaseFile(file(sections), t);
    const b = await renderCaseFile(file(sections), t);
    expect(Buffer.compare(a.pdf, b.pdf)).toBe(0);
    expect(a.startPages).toEqual([3, 4]);
  }, 60_000);
});
