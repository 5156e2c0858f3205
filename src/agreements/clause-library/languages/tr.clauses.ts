/**
 * Turkish: contract register ("... taahhüt eder", "işbu"). Case suffixes on names depend on vowel
 * harmony, which a foreign or Chinese name does not reliably show, so names are followed by
 * "tarafına" / "tarafından" and goods by a colon: no suffix is ever attached to caller text.
 */
import { LanguageTemplates } from '../clause-templates';

const deadline = (date: string) => `en geç ${date} tarihine kadar`;
const sp = (phrase: string) => (phrase ? ` ${phrase}` : '');

export const TR: LanguageTemplates = {
  money: (number, currency) => `${number}\u00A0${currency}`,
  methods: {
    bank_transfer: 'banka havalesi yoluyla',
    cash: 'nakden',
    wechat_pay: 'WeChat Pay aracılığıyla',
    alipay: 'Alipay aracılığıyla',
  },
  languageNames: {
    'zh-CN': 'Çince',
    en: 'İngilizce',
    ar: 'Arapça',
    fa: 'Farsça',
    ur: 'Urduca',
    hi: 'Hintçe',
    ru: 'Rusça',
    fr: 'Fransızca',
    es: 'İspanyolca',
    pt: 'Portekizce',
    ko: 'Korece',
    tr: 'Türkçe',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${c.name(p.payer)}, ${c.money(p.amount)} tutarındaki bedeli ${deadline(c.date(p.dueDate))}${sp(c.method(p.method))} tek seferde ${c.name(p.payee)} tarafına ödemeyi taahhüt eder.`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `${n + 1}. taksit: ${c.money(i.amount)}, ${deadline(c.date(i.dueDate))}`,
      );
      const schedule = `${c.name(p.payer)}, toplam ${c.money(total)} tutarındaki bedeli${sp(c.method(p.method))} aşağıdaki ödeme planına göre ${p.instalments.length} taksitte ${c.name(p.payee)} tarafına ödemeyi taahhüt eder: ${rows.join('; ')}.`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} ${c.name(p.payer)} taksitlerden herhangi birini vadesinde tam olarak ödemediği takdirde, kalan borcun tamamı muaccel hâle gelir ve ${c.name(p.payee)}, kalan borcun tamamının tek seferde ödenmesini talep etme hakkına sahip olur.`;
    },

    delivery_of_goods: (p, c) =>
      `${c.name(p.supplier)}, aşağıda belirtilen malları ${deadline(c.date(p.dueDate))} ${c.name(p.recipient)} tarafına teslim etmeyi taahhüt eder: ${c.text(p.goods)}.${p.place ? ` Teslim yeri: ${c.text(p.place)}.` : ''}`,

    return_of_goods: (p, c) =>
      `${c.name(p.returner)}, aşağıda belirtilen malları ${deadline(c.date(p.dueDate))} ${c.name(p.recipient)} tarafına iade etmeyi taahhüt eder: ${c.text(p.goods)}.${p.place ? ` İade yeri: ${c.text(p.place)}.` : ''}${p.costsBorneBy ? ` İadeden doğan nakliye ve diğer masraflar ${c.name(p.costsBorneBy)} tarafından karşılanır.` : ''}`,

    refund: (p, c) =>
      `${c.name(p.payer)}, tahsil etmiş olduğu ${c.money(p.amount)} tutarındaki bedeli ${deadline(c.date(p.dueDate))}${sp(c.method(p.method))} ${c.name(p.payee)} tarafına iade etmeyi taahhüt eder.`,

    deposit_return: (p, c) =>
      `${c.name(p.landlord)}, kira sözleşmesi kapsamında alınan ${c.money(p.amount)} tutarındaki güvence bedelini (depozito) ${deadline(c.date(p.dueDate))}${sp(c.method(p.method))} ${c.name(p.tenant)} tarafına iade etmeyi taahhüt eder.`,

    wage_arrears: (p, c) =>
      `${c.name(p.employer)}, ${c.date(p.periodFrom)} ile ${c.date(p.periodTo)} tarihleri arasındaki döneme ait ödenmemiş ücretlerin toplamı olan ${c.money(p.amount)} tutarını ${deadline(c.date(p.dueDate))}${sp(c.method(p.method))} tek seferde ${c.name(p.worker)} tarafına ödemeyi taahhüt eder.`,

    apology: (p, c) =>
      `${c.name(p.apologiser)}, ${p.dueDate ? `${deadline(c.date(p.dueDate))} ` : ''}${c.name(p.recipient)} tarafına ${p.form === 'written' ? 'yazılı olarak' : 'sözlü olarak'} özür beyanında bulunmayı taahhüt eder.`,

    confidentiality: () =>
      'Taraflar, arabuluculuk sürecini ve işbu anlaşmanın içeriğini gizli tutmayı ve kanunen açıklanması zorunlu olan haller dışında üçüncü kişilere açıklamamayı taahhüt eder.',

    waiver_of_claims: (p) =>
      p.uponPerformance === false
        ? 'Taraflar, işbu uyuşmazlıktan kaynaklanan başkaca hiçbir talep ve iddialarının kalmadığını ve birbirlerine karşı bu uyuşmazlıktan doğan başkaca hiçbir talepte bulunmayacaklarını kabul ve beyan ederler.'
        : 'İşbu anlaşmanın tam olarak ifasından sonra taraflar, işbu uyuşmazlıktan kaynaklanan başkaca hiçbir talep ve iddialarının kalmadığını ve birbirlerine karşı bu uyuşmazlıktan doğan başkaca hiçbir talepte bulunmayacaklarını kabul ve beyan ederler.',

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return 'İşbu anlaşmanın Çince dışında başka dillerde de düzenlenmiş olması hâlinde, metinler arasında herhangi bir farklılık bulunması durumunda Çince metin esas alınır.';
      }
      const joined = `${names.slice(0, -1).join(', ')} ve ${names[names.length - 1]}`;
      const texts = names.length === 2 ? 'İki metin' : 'Metinler';
      return `İşbu anlaşma ${joined} dillerinde düzenlenmiştir. ${texts} arasında herhangi bir farklılık bulunması hâlinde Çince metin esas alınır.`;
    },
  },
};
