/**
 * Persian: formal contract register ("متعهد است ... حداکثر تا تاریخ"). Dates are Gregorian (see
 * clause-formatting); ZWNJ (U+200C) is kept where Persian spelling needs it.
 */
import { currencyName } from '../clause-formatting';
import { LanguageTemplates } from '../clause-templates';

const deadline = (date: string) => `حداکثر تا تاریخ ${date}`;
const sp = (phrase: string) => (phrase ? ` ${phrase}` : '');

export const FA: LanguageTemplates = {
  money: (number, currency) => {
    const name = currencyName(currency, 'fa');
    return name === currency ? `${number} ${currency}` : `${number} ${name} (${currency})`;
  },
  methods: {
    bank_transfer: 'از طریق انتقال بانکی',
    cash: 'نقداً',
    wechat_pay: 'از طریق وی‌چت‌پی (WeChat Pay)',
    alipay: 'از طریق علی‌پی (Alipay)',
  },
  languageNames: {
    'zh-CN': 'چینی',
    en: 'انگلیسی',
    ar: 'عربی',
    fa: 'فارسی',
    ur: 'اردو',
    hi: 'هندی',
    ru: 'روسی',
    fr: 'فرانسوی',
    es: 'اسپانیایی',
    pt: 'پرتغالی',
    ko: 'کره‌ای',
    tr: 'ترکی',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${c.name(p.payer)} متعهد است مبلغ ${c.money(p.amount)} را به‌صورت یکجا${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} به ${c.name(p.payee)} پرداخت کند.`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `قسط ${n + 1}: ${c.money(i.amount)}، ${deadline(c.date(i.dueDate))}`,
      );
      const schedule = `${c.name(p.payer)} متعهد است مبلغ کل ${c.money(total)} را در ${p.instalments.length} قسط${sp(c.method(p.method))} به شرح زیر به ${c.name(p.payee)} پرداخت کند: ${rows.join('؛ ')}.`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} چنانچه ${c.name(p.payer)} هر یک از اقساط را به‌طور کامل در سررسید آن پرداخت نکند، کل مانده پرداخت‌نشده فوراً حال می‌شود و ${c.name(p.payee)} حق دارد پرداخت یکجای آن را مطالبه کند.`;
    },

    delivery_of_goods: (p, c) =>
      `${c.name(p.supplier)} متعهد است ${c.text(p.goods)} را ${deadline(c.date(p.dueDate))}${p.place ? ` در ${c.text(p.place)}` : ''} به ${c.name(p.recipient)} تحویل دهد.`,

    return_of_goods: (p, c) =>
      `${c.name(p.returner)} متعهد است ${c.text(p.goods)} را ${deadline(c.date(p.dueDate))}${p.place ? ` در ${c.text(p.place)}` : ''} به ${c.name(p.recipient)} مسترد کند${p.costsBorneBy ? ` و هزینه‌های حمل و سایر هزینه‌های ناشی از استرداد بر عهده ${c.name(p.costsBorneBy)} است` : ''}.`,

    refund: (p, c) =>
      `${c.name(p.payer)} متعهد است مبلغ ${c.money(p.amount)} را که دریافت کرده است${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} به ${c.name(p.payee)} مسترد کند.`,

    deposit_return: (p, c) =>
      `${c.name(p.landlord)} متعهد است ودیعه اجاره به مبلغ ${c.money(p.amount)} را${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} به ${c.name(p.tenant)} مسترد کند.`,

    wage_arrears: (p, c) =>
      `${c.name(p.employer)} متعهد است دستمزدهای معوق ${c.name(p.worker)} برای دوره از ${c.date(p.periodFrom)} تا ${c.date(p.periodTo)} را به مبلغ کل ${c.money(p.amount)} به‌صورت یکجا${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} به وی پرداخت کند.`,

    apology: (p, c) =>
      `${c.name(p.apologiser)} متعهد است${p.dueDate ? ` ${deadline(c.date(p.dueDate))}` : ''} به‌صورت ${p.form === 'written' ? 'کتبی' : 'شفاهی'} از ${c.name(p.recipient)} عذرخواهی کند.`,

    confidentiality: () =>
      'طرفین متعهدند جریان این میانجی‌گری و مفاد این توافق‌نامه را محرمانه نگه دارند و آن را نزد هیچ شخص ثالثی افشا نکنند، مگر در مواردی که افشای آن به موجب قانون الزامی باشد.',

    waiver_of_claims: (p) =>
      `${p.uponPerformance === false ? 'طرفین تأیید می‌کنند که' : 'پس از اجرای کامل این توافق‌نامه، طرفین'} هیچ‌گونه اختلاف دیگری در خصوص این موضوع با یکدیگر ندارند و هیچ‌یک از آنان حق طرح هیچ‌گونه ادعای دیگری ناشی از این اختلاف علیه طرف دیگر را نخواهد داشت.`,

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return 'در صورتی که این توافق‌نامه علاوه بر زبان چینی به زبان‌های دیگری نیز تنظیم شده باشد، در صورت هرگونه مغایرت میان متون، متن چینی ملاک خواهد بود.';
      }
      const two = names.length === 2;
      const joined = two
        ? names.join(' و ')
        : `${names.slice(0, -1).join('، ')} و ${names[names.length - 1]}`;
      return `این توافق‌نامه به زبان‌های ${joined} تنظیم شده است و در صورت وجود هرگونه مغایرت میان ${two ? 'دو متن' : 'متون'}، متن چینی ملاک خواهد بود.`;
    },
  },
};
