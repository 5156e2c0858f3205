/*
 * One clause of a mediation agreement in each supported language, used by the specs and by
 * manual rendering checks. Each mixes script, digits, a date and a Latin code on purpose.
 */
import type { ParagraphDirection } from './bidi-layout';

export interface SampleClause {
  lang: string;
  direction: ParagraphDirection;
  text: string;
}

export const SAMPLE_CLAUSES: readonly SampleClause[] = [
  {
    lang: 'zh-CN',
    direction: 'ltr',
    text: '乙方应于2026年3月1日前向甲方支付人民币50,000.00元（大写：伍万元整）。双方确认，本协议系在人民调解委员会主持下自愿达成，具有法律约束力。',
  },
  {
    lang: 'en',
    direction: 'ltr',
    text: "Party B shall pay Party A CNY 50,000.00 before 2026-03-01. Both parties confirm that this agreement was reached voluntarily under the auspices of the People's Mediation Committee.",
  },
  {
    lang: 'ar',
    direction: 'rtl',
    text: 'يلتزم الطرف الثاني بأن يدفع للطرف الأول مبلغ 50,000.00 يوان صيني (CNY) قبل تاريخ 2026-03-01، ويقرّ الطرفان بأن هذا الاتفاق قد تمّ التوصل إليه طوعاً.',
  },
  {
    lang: 'fa',
    direction: 'rtl',
    text: 'طرف دوم موظف است مبلغ 50,000.00 یوان (CNY) را پیش از تاریخ 2026-03-01 به طرف اول پرداخت کند؛ هر دو طرف می‌پذیرند که این توافق‌نامه داوطلبانه منعقد شده است.',
  },
  {
    lang: 'ur',
    direction: 'rtl',
    text: 'فریق دوم 2026-03-01 سے پہلے فریق اول کو 50,000.00 یوآن (CNY) ادا کرے گا، اور دونوں فریق تسلیم کرتے ہیں کہ یہ معاہدہ رضاکارانہ طور پر طے پایا ہے۔',
  },
  {
    lang: 'hi',
    direction: 'ltr',
    text: 'पक्ष ख, पक्ष क को 1 मार्च 2026 (2026-03-01) से पहले CNY 50,000.00 का भुगतान करेगा। दोनों पक्ष पुष्टि करते हैं कि यह लिखित समझौता स्वेच्छा से किया गया है।',
  },
  {
    lang: 'ru',
    direction: 'ltr',
    text: 'Сторона Б обязуется выплатить Стороне А 50 000,00 юаней (CNY) до 2026-03-01. Стороны подтверждают, что настоящее соглашение заключено добровольно.',
  },
  {
    lang: 'fr',
    direction: 'ltr',
    text: 'La partie B versera à la partie A la somme de 50 000,00 CNY avant le 2026-03-01. Les deux parties reconnaissent que cet accord a été conclu de leur plein gré, sans contrainte.',
  },
  {
    lang: 'es',
    direction: 'ltr',
    text: 'La parte B pagará a la parte A la cantidad de 50.000,00 CNY antes del 2026-03-01. Ambas partes declaran que este acuerdo se alcanzó de forma voluntaria y sin coacción.',
  },
  {
    lang: 'pt',
    direction: 'ltr',
    text: 'A Parte B pagará à Parte A o montante de CNY 50.000,00 antes de 2026-03-01. Ambas as partes declaram que este acordo foi celebrado de livre vontade, sem qualquer coação.',
  },
  {
    lang: 'ko',
    direction: 'ltr',
    text: '을은 2026-03-01까지 갑에게 인민폐 50,000.00위안을 지급하여야 한다. 양 당사자는 본 합의가 인민조정위원회의 주재 하에 자발적으로 이루어졌음을 확인한다.',
  },
  {
    lang: 'tr',
    direction: 'ltr',
    text: 'ÖDEME YÜKÜMLÜLÜĞÜ: B tarafı, A tarafına 2026-03-01 tarihinden önce 50.000,00 CNY ödeyecektir. İki taraf, bu uzlaşmanın özgür iradeleriyle imzalandığını kabul eder.',
  },
];
