// Agreement PDF: renderAgreementCopy in-process for a three-page Chinese-Arabic, Chinese-Hindi and
// Chinese-Russian copy; warm median and size. Uses the built modules, as the server does.
import { join } from 'path';
import { argValue, round, rssSampler, ROOT, summarise } from '../support/common';
import { runMain, ScenarioResult } from '../support/scenario';
import type { AgreementCopy, Translate } from '../../../src/documents/agreement-pdf';
import type { SupportedLanguage } from '../../../src/i18n/languages';

const { renderAgreementCopy } = require(
  join(ROOT, 'dist', 'documents', 'agreement-pdf'),
) as typeof import('../../../src/documents/agreement-pdf');
const { getI18n } = require(
  join(ROOT, 'dist', 'i18n', 'i18n.service'),
) as typeof import('../../../src/i18n/i18n.service');

const TEXTS: Record<string, { facts: string; term: string; name: [string, string] }> = {
  'zh-CN': {
    facts: '申请人向被申请人购买玻璃杯五百箱，货到后发现一百二十箱破损，双方就赔偿数额发生争议。',
    term: '被申请人同意赔偿申请人破损货物损失，并在约定期限内一次性支付。',
    name: ['义乌市恒达日用品有限公司', ''],
  },
  ar: {
    facts:
      'اشترى المدعي خمسمائة كرتونة من الأكواب الزجاجية، ووصلت مائة وعشرون منها مكسورة، واختلف الطرفان على مبلغ التعويض.',
    term: 'يوافق المدعى عليه على تعويض المدعي عن البضاعة المكسورة ودفع المبلغ دفعة واحدة في الموعد المتفق عليه.',
    name: ['أحمد الحسن', 'Ahmed Al-Hassan'],
  },
  hi: {
    facts:
      'आवेदक ने प्रतिवादी से काँच के गिलासों के पाँच सौ डिब्बे खरीदे, जिनमें से एक सौ बीस टूटे हुए पहुँचे।',
    term: 'प्रतिवादी टूटे माल के नुकसान की भरपाई करने और तय समय में एकमुश्त भुगतान करने के लिए सहमत है।',
    name: ['राहुल शर्मा', 'Rahul Sharma'],
  },
  ru: {
    facts:
      'Заявитель купил у ответчика пятьсот коробок стеклянных стаканов, сто двадцать из них прибыли разбитыми.',
    term: 'Ответчик соглашается возместить ущерб за разбитый товар и выплатить сумму единовременно в согласованный срок.',
    name: ['Иван Петров', 'Ivan Petrov'],
  },
};

function copyFor(language: SupportedLanguage): AgreementCopy {
  const multi = (pick: (t: (typeof TEXTS)[string]) => string, repeat = 1) => ({
    original: { language: 'zh-CN', text: Array(repeat).fill(pick(TEXTS['zh-CN'])).join('') },
    translations: [
      {
        language,
        text: Array(repeat).fill(pick(TEXTS[language])).join(' '),
        translatedBy: '李娜',
        checked: true,
      },
    ],
  });
  return {
    committee: {
      nameZh: '义乌市涉外纠纷人民调解委员会',
      nameEn: "Yiwu Foreign-Related Dispute People's Mediation Committee",
    },
    caseNumber: '（2026）义金外调字第0001号',
    version: 1,
    issued: true,
    documentDate: new Date(Date.UTC(2026, 10, 20)),
    verificationCode: 'K7Q2-M9XD-4HPT',
    contentHash: 'a'.repeat(64),
    verifyUrl: 'http://localhost:3000/verify/K7Q2-M9XD-4HPT',
    languages: ['zh-CN', language],
    pdfA: false,
    content: {
      facts: multi((t) => t.facts, 4),
      mattersInDispute: multi((t) => t.facts, 2),
      responsibilities: multi((t) => t.term, 2),
      terms: Array.from({ length: 8 }, () => ({
        kind: 'free' as const,
        text: multi((t) => t.term, 2),
      })),
      performance: {
        method: multi((t) => t.term),
        place: multi((t) => t.term),
        deadline: '2026-12-20',
      },
      copies: 3,
      mediators: [
        { ref: 'm1', name: '王丽' },
        { ref: 'm2', name: 'Abdullah Bawazir' },
      ],
      parties: [
        {
          id: 'p1',
          role: 'applicant',
          position: 1,
          kind: 'person',
          nameOriginal: TEXTS[language].name[0],
          nameLatin: TEXTS[language].name[1],
          nameZh: null,
          nationality: 'YE',
          creditCode: null,
          legalRepresentative: null,
          language,
        },
        {
          id: 'p2',
          role: 'respondent',
          position: 2,
          kind: 'organisation',
          nameOriginal: TEXTS['zh-CN'].name[0],
          nameLatin: null,
          nameZh: null,
          nationality: 'CN',
          creditCode: '91330782MA2A1B2C3J',
          legalRepresentative: '陈建国',
          language: 'zh-CN',
        },
      ],
      extraLanguages: {},
      layout: 'paragraphs',
    },
  } as unknown as AgreementCopy;
}

// Characters appended to the Chinese facts so that each "new text" render embeds another set of
// Chinese glyphs: font subsets are kept per glyph list, so the same copy again costs less.
const OTHER_CHARACTERS =
  '天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜金生丽水玉出昆冈剑号巨阙珠称夜光果珍李柰菜重芥姜海咸河淡鳞潜羽翔龙师火帝鸟官人皇始制文字乃服衣裳推位让国有虞陶唐吊民伐罪周发殷汤坐朝问道垂拱平章爱育黎首臣伏戎羌遐迩一体率宾归王';

function withOtherText(copy: AgreementCopy, run: number): AgreementCopy {
  const start = (run * 6) % (OTHER_CHARACTERS.length - 6);
  const facts = copy.content.facts;
  return {
    ...copy,
    content: {
      ...copy.content,
      facts: {
        ...facts,
        original: {
          ...facts.original,
          text: facts.original.text + OTHER_CHARACTERS.slice(start, start + 6),
        },
      },
    },
  };
}

async function main(): Promise<ScenarioResult[]> {
  const i18n = getI18n();
  const t: Translate = (key, params, lng) => i18n.t(key, { ...params, lng }) as string;
  const runs = Number(argValue('runs', '15'));
  const results: ScenarioResult[] = [];
  for (const [variant, label] of [
    ['same', ''],
    ['new', ', new text each time'],
  ] as const) {
    for (const language of ['ar', 'hi', 'ru'] as SupportedLanguage[]) {
      const copy = copyFor(language);
      const rss = rssSampler();
      for (let i = 0; i < 3; i++) await renderAgreementCopy(copy, t); // warm: fonts, templates
      const times: number[] = [];
      const cpu: number[] = [];
      let size = 0;
      let pages = 0;
      for (let i = 0; i < runs; i++) {
        const input = variant === 'same' ? copy : withOtherText(copy, i);
        const t0 = process.hrtime.bigint();
        const c0 = process.cpuUsage();
        const pdf = await renderAgreementCopy(input, t);
        const c1 = process.cpuUsage(c0);
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
        cpu.push((c1.user + c1.system) / 1000);
        size = pdf.length;
        pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      }
      const s = summarise(times);
      const kb = round(size / 1024, 0);
      results.push({
        scenario: `agreement PDF zh-CN + ${language}${label}`,
        median: round(s.median),
        p95: round(s.p95),
        unit: 'ms',
        throughput: round(1000 / s.mean, 1),
        throughputUnit: 'PDF/s',
        peakRssMb: rss.stop(),
        target: 'median < 150 ms, < 300 KB',
        met: s.median < 150 && kb < 300,
        // CPU time of the process: on a shared machine the wall time also counts waiting.
        figures: { sizeKb: kb, pages, runs, cpuMedianMs: round(summarise(cpu).median) },
      });
    }
  }
  return results;
}

runMain(main);
