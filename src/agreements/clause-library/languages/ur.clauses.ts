/** Urdu: formal legal register ("اس بات کا پابند ہے کہ ... زیادہ سے زیادہ ... تک"). */
import { currencyName } from '../clause-formatting';
import { LanguageTemplates } from '../clause-templates';

const deadline = (date: string) => `زیادہ سے زیادہ ${date} تک`;
const sp = (phrase: string) => (phrase ? ` ${phrase}` : '');
const bound = (name: string) => `${name} اس بات کا پابند ہے کہ وہ`;

export const UR: LanguageTemplates = {
  money: (number, currency) => {
    const name = currencyName(currency, 'ur');
    return name === currency ? `${number} ${currency}` : `${number} ${name} (${currency})`;
  },
  methods: {
    bank_transfer: 'بینک ٹرانسفر کے ذریعے',
    cash: 'نقد صورت میں',
    wechat_pay: 'وی چیٹ پے (WeChat Pay) کے ذریعے',
    alipay: 'علی پے (Alipay) کے ذریعے',
  },
  languageNames: {
    'zh-CN': 'چینی',
    en: 'انگریزی',
    ar: 'عربی',
    fa: 'فارسی',
    ur: 'اردو',
    hi: 'ہندی',
    ru: 'روسی',
    fr: 'فرانسیسی',
    es: 'ہسپانوی',
    pt: 'پرتگالی',
    ko: 'کوریائی',
    tr: 'ترکی',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${bound(c.name(p.payer))} ${c.name(p.payee)} کو ${c.money(p.amount)} کی رقم یکمشت${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} ادا کرے۔`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `قسط نمبر ${n + 1}: ${c.money(i.amount)}، ${deadline(c.date(i.dueDate))}`,
      );
      const schedule = `${bound(c.name(p.payer))} ${c.name(p.payee)} کو کل ${c.money(total)} کی رقم ${p.instalments.length} اقساط میں${sp(c.method(p.method))} درج ذیل طریقے سے ادا کرے: ${rows.join('؛ ')}۔`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} اگر ${c.name(p.payer)} کسی بھی قسط کی مکمل ادائیگی مقررہ تاریخ تک نہ کرے تو باقی تمام غیر ادا شدہ رقم فوری طور پر واجب الادا ہو جائے گی اور ${c.name(p.payee)} کو اس کی یکمشت ادائیگی کا مطالبہ کرنے کا حق ہوگا۔`;
    },

    delivery_of_goods: (p, c) =>
      `${bound(c.name(p.supplier))} ${c.text(p.goods)}${p.place ? ` ${c.text(p.place)} پر` : ''} ${deadline(c.date(p.dueDate))} ${c.name(p.recipient)} کے حوالے کرے۔`,

    return_of_goods: (p, c) =>
      `${bound(c.name(p.returner))} ${c.text(p.goods)}${p.place ? ` ${c.text(p.place)} پر` : ''} ${deadline(c.date(p.dueDate))} ${c.name(p.recipient)} کو واپس کرے${p.costsBorneBy ? `، اور واپسی پر آنے والے نقل و حمل اور دیگر اخراجات ${c.name(p.costsBorneBy)} برداشت کرے گا` : ''}۔`,

    refund: (p, c) =>
      `${bound(c.name(p.payer))} وصول شدہ ${c.money(p.amount)} کی رقم${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} ${c.name(p.payee)} کو واپس کرے۔`,

    deposit_return: (p, c) =>
      `${bound(c.name(p.landlord))} کرایہ داری کی زر ضمانت (سیکیورٹی ڈپازٹ) ${c.money(p.amount)}${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} ${c.name(p.tenant)} کو واپس کرے۔`,

    wage_arrears: (p, c) =>
      `${bound(c.name(p.employer))} ${c.name(p.worker)} کو ${c.date(p.periodFrom)} سے ${c.date(p.periodTo)} تک کی مدت کی بقایا اجرت، جس کی کل رقم ${c.money(p.amount)} ہے، یکمشت${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} ادا کرے۔`,

    apology: (p, c) =>
      `${bound(c.name(p.apologiser))}${p.dueDate ? ` ${deadline(c.date(p.dueDate))}` : ''} ${c.name(p.recipient)} سے ${p.form === 'written' ? 'تحریری' : 'زبانی'} طور پر معافی مانگے۔`,

    confidentiality: () =>
      'فریقین اس مصالحت کی کارروائی اور اس معاہدے کے مندرجات کو خفیہ رکھنے کے پابند ہیں اور انہیں کسی تیسرے فریق پر ظاہر نہیں کریں گے، سوائے اس صورت کے کہ قانون کے تحت ان کا انکشاف لازم ہو۔',

    waiver_of_claims: (p) =>
      `${p.uponPerformance === false ? 'فریقین تصدیق کرتے ہیں کہ' : 'اس معاہدے پر مکمل عمل درآمد کے بعد'} فریقین کے درمیان اس معاملے سے متعلق کوئی اور تنازع باقی نہیں ${p.uponPerformance === false ? 'ہے' : 'رہے گا'}، اور کوئی بھی فریق اس تنازع سے پیدا ہونے والا کوئی مزید دعویٰ کسی دوسرے فریق کے خلاف نہیں کرے گا۔`,

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return 'اگر یہ معاہدہ چینی کے علاوہ دیگر زبانوں میں بھی تحریر کیا گیا ہو تو متون میں کسی بھی اختلاف کی صورت میں چینی متن کو فوقیت حاصل ہوگی۔';
      }
      const two = names.length === 2;
      const joined = `${names.slice(0, -1).join('، ')} اور ${names[names.length - 1]}`;
      return `یہ معاہدہ ${joined} زبانوں میں تحریر کیا گیا ہے، اور ${two ? 'دونوں متون' : 'متون'} میں کسی بھی اختلاف کی صورت میں چینی متن کو فوقیت حاصل ہوگی۔`;
    },
  },
};
