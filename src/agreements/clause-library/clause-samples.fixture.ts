/**
 * One valid parameter set per clause kind, with free texts in all twelve languages, and party
 * names per language: used by the specs, and handy for printing every clause for a reviewer.
 */
import { SupportedLanguage } from '../../i18n/languages';
import { ClauseKind, ClauseParametersByKind } from './clause-types';

const FLASKS = {
  'zh-CN': '不锈钢保温杯（型号YW-500）500个',
  en: '500 stainless-steel vacuum flasks (model YW-500)',
  ar: '500 ترمس من الفولاذ المقاوم للصدأ (طراز YW-500)',
  fa: '500 عدد فلاسک فولادی ضدزنگ (مدل YW-500)',
  ur: 'سٹینلیس سٹیل کے 500 تھرماس (ماڈل YW-500)',
  hi: '500 स्टेनलेस स्टील वैक्यूम फ्लास्क (मॉडल YW-500)',
  ru: '500 термосов из нержавеющей стали (модель YW-500)',
  fr: '500 bouteilles isothermes en acier inoxydable (modèle YW-500)',
  es: '500 termos de acero inoxidable (modelo YW-500)',
  pt: '500 garrafas térmicas de aço inoxidável (modelo YW-500)',
  ko: '스테인리스 보온병(모델 YW-500) 500개',
  tr: '500 adet paslanmaz çelik termos (model YW-500)',
} satisfies Record<SupportedLanguage, string>;

const CNY = (amount: string) => ({ amount, currency: 'CNY' });

export const SAMPLE_PARAMS: { [K in ClauseKind]: ClauseParametersByKind[K] } = {
  lump_sum_payment: {
    payer: 'respondent:1',
    payee: 'applicant:1',
    amount: CNY('50000.00'),
    dueDate: '2026-03-01',
    method: 'bank_transfer',
  },
  instalments: {
    payer: 'respondent:1',
    payee: 'applicant:1',
    total: CNY('50000.00'),
    instalments: [
      { amount: CNY('20000.00'), dueDate: '2026-03-01' },
      { amount: CNY('20000'), dueDate: '2026-04-01' },
      { amount: CNY('10000.00'), dueDate: '2026-05-01' },
    ],
    method: 'wechat_pay',
    accelerateOnDefault: true,
  },
  delivery_of_goods: {
    supplier: 'respondent:1',
    recipient: 'applicant:1',
    goods: FLASKS,
    dueDate: '2026-03-01',
    // Language-neutral on purpose: an address printed the same in every copy.
    place: 'Yiwu International Trade City, District 2, Shop 12345',
  },
  return_of_goods: {
    returner: 'applicant:1',
    recipient: 'respondent:1',
    goods: FLASKS,
    dueDate: '2026-03-01',
    costsBorneBy: 'respondent:1',
  },
  refund: {
    payer: 'respondent:1',
    payee: 'applicant:1',
    amount: CNY('50000.00'),
    dueDate: '2026-03-01',
    method: 'alipay',
  },
  deposit_return: {
    landlord: 'respondent:1',
    tenant: 'applicant:1',
    amount: CNY('50000.00'),
    dueDate: '2026-03-01',
    method: 'bank_transfer',
  },
  wage_arrears: {
    employer: 'respondent:1',
    worker: 'applicant:1',
    amount: CNY('50000.00'),
    periodFrom: '2025-10-01',
    periodTo: '2025-12-31',
    dueDate: '2026-03-01',
    method: 'cash',
  },
  apology: {
    apologiser: 'respondent:1',
    recipient: 'applicant:1',
    form: 'written',
    dueDate: '2026-03-01',
  },
  confidentiality: {},
  waiver_of_claims: {},
  chinese_text_prevails: { languages: ['ar'] },
};

/** Names as the agreements module would give them: Chinese names in Chinese, Latin otherwise. */
export function sampleNames(language: SupportedLanguage): (ref: string) => string {
  return (ref) => {
    if (ref === 'applicant:1') return language === 'ar' ? 'أحمد السيد' : 'Ahmed Al-Sayed';
    if (ref === 'respondent:1') {
      return language === 'zh-CN' ? '义乌市福泰贸易有限公司' : 'Yiwu Futai Trading Co., Ltd.';
    }
    throw new Error(`unknown party ${ref}`);
  };
}
