/**
 * Arabic: Modern Standard Arabic legal register ("يلتزم ... في موعد أقصاه"). Parties are referred
 * to in the masculine, as Arabic contracts do for "the party" whatever its gender. Counts are
 * written "عددها n" so that no numeral-noun agreement depends on the number.
 */
import { currencyName } from '../clause-formatting';
import { LanguageTemplates } from '../clause-templates';

const deadline = (date: string) => `في موعد أقصاه ${date}`;
const sp = (phrase: string) => (phrase ? ` ${phrase}` : '');

export const AR: LanguageTemplates = {
  // Number, currency name, then the ISO code: unambiguous for a reader and a Chinese clerk alike.
  money: (number, currency) => {
    const name = currencyName(currency, 'ar');
    return name === currency ? `${number} ${currency}` : `${number} ${name} (${currency})`;
  },
  methods: {
    bank_transfer: 'عن طريق التحويل المصرفي',
    cash: 'نقدًا',
    wechat_pay: 'عبر ويتشات باي (WeChat Pay)',
    alipay: 'عبر أليباي (Alipay)',
  },
  languageNames: {
    'zh-CN': 'الصينية',
    en: 'الإنجليزية',
    ar: 'العربية',
    fa: 'الفارسية',
    ur: 'الأردية',
    hi: 'الهندية',
    ru: 'الروسية',
    fr: 'الفرنسية',
    es: 'الإسبانية',
    pt: 'البرتغالية',
    ko: 'الكورية',
    tr: 'التركية',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `يلتزم ${c.name(p.payer)} بأن يدفع إلى ${c.name(p.payee)} مبلغًا قدره ${c.money(p.amount)} دفعةً واحدةً${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))}.`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `القسط رقم ${n + 1}: ${c.money(i.amount)} ${deadline(c.date(i.dueDate))}`,
      );
      const schedule = `يلتزم ${c.name(p.payer)} بأن يدفع إلى ${c.name(p.payee)} مبلغًا إجماليًا قدره ${c.money(total)} على أقساط عددها ${p.instalments.length}${sp(c.method(p.method))}، وذلك على النحو الآتي: ${rows.join('؛ ')}.`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} وفي حال تخلّف ${c.name(p.payer)} عن سداد أي قسط كاملًا في موعد استحقاقه، يصبح كامل الرصيد المتبقي غير المسدد مستحق الأداء فورًا، ويكون من حق ${c.name(p.payee)} المطالبة بسداده دفعةً واحدةً.`;
    },

    delivery_of_goods: (p, c) =>
      `يلتزم ${c.name(p.supplier)} بتسليم ${c.text(p.goods)} إلى ${c.name(p.recipient)}${p.place ? ` في ${c.text(p.place)}` : ''} ${deadline(c.date(p.dueDate))}.`,

    return_of_goods: (p, c) =>
      `يلتزم ${c.name(p.returner)} بإعادة ${c.text(p.goods)} إلى ${c.name(p.recipient)}${p.place ? ` في ${c.text(p.place)}` : ''} ${deadline(c.date(p.dueDate))}${p.costsBorneBy ? `، ويتحمّل ${c.name(p.costsBorneBy)} تكاليف النقل وغيرها من التكاليف المترتبة على الإعادة` : ''}.`,

    refund: (p, c) =>
      `يلتزم ${c.name(p.payer)} بأن يردّ إلى ${c.name(p.payee)} المبلغ الذي سبق أن قبضه وقدره ${c.money(p.amount)}${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))}.`,

    deposit_return: (p, c) =>
      `يلتزم ${c.name(p.landlord)} بأن يردّ إلى ${c.name(p.tenant)} مبلغ التأمين المدفوع بموجب عقد الإيجار وقدره ${c.money(p.amount)}${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))}.`,

    wage_arrears: (p, c) =>
      `يلتزم ${c.name(p.employer)} بأن يدفع إلى ${c.name(p.worker)} دفعةً واحدةً الأجور المتأخرة المستحقة له عن الفترة من ${c.date(p.periodFrom)} إلى ${c.date(p.periodTo)}، ومجموعها ${c.money(p.amount)}${sp(c.method(p.method))}، ${deadline(c.date(p.dueDate))}.`,

    apology: (p, c) =>
      `يلتزم ${c.name(p.apologiser)} بتقديم اعتذار ${p.form === 'written' ? 'كتابي' : 'شفهي'} إلى ${c.name(p.recipient)}${p.dueDate ? ` ${deadline(c.date(p.dueDate))}` : ''}.`,

    confidentiality: () =>
      'يلتزم الأطراف بالحفاظ على سرية مجريات الوساطة ومضمون هذا الاتفاق، ولا يجوز لهم الإفصاح عنها لأي طرف ثالث، إلا في الحالات التي يوجب فيها القانون ذلك.',

    waiver_of_claims: (p) =>
      `${p.uponPerformance === false ? 'يُقرّ الأطراف بأنه لم يعد بينهم' : 'بعد تنفيذ هذا الاتفاق تنفيذًا كاملًا، لا يبقى بين الأطراف'} أي نزاع آخر بشأن هذه المسألة، ولا يحق لأي طرف أن يتقدم ضد أي طرف آخر بأي مطالبة أخرى ناشئة عن هذا النزاع.`,

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return 'إذا حُرّر هذا الاتفاق بلغات أخرى إلى جانب اللغة الصينية، يُعتمد النص الصيني عند وجود أي تعارض بين النصوص.';
      }
      const two = names.length === 2;
      return `حُرّر هذا الاتفاق ${two ? 'باللغتين' : 'باللغات'} ${names.join(' و')}، وفي حال وجود أي تعارض بين ${two ? 'النصين' : 'النصوص'}، يُعتمد النص الصيني.`;
    },
  },
};
