/** Spanish: contract register ("se obliga a ... a más tardar el ..."). Amounts: "50.000,00 CNY". */
import { LanguageTemplates } from '../clause-templates';

const deadline = (date: string) => `a más tardar el ${date}`;
const sp = (phrase: string) => (phrase ? ` ${phrase}` : '');
// Each name keeps its "en", which also spares the y/e alternation before "hindi".
const list = (items: string[]) => {
  const withEn = items.map((i) => `en ${i}`);
  return `${withEn.slice(0, -1).join(', ')} y ${withEn[withEn.length - 1]}`;
};

export const ES: LanguageTemplates = {
  money: (number, currency) => `${number}\u00A0${currency}`,
  methods: {
    bank_transfer: 'mediante transferencia bancaria',
    cash: 'en efectivo',
    wechat_pay: 'a través de WeChat Pay',
    alipay: 'a través de Alipay',
  },
  languageNames: {
    'zh-CN': 'chino',
    en: 'inglés',
    ar: 'árabe',
    fa: 'persa',
    ur: 'urdu',
    hi: 'hindi',
    ru: 'ruso',
    fr: 'francés',
    es: 'español',
    pt: 'portugués',
    ko: 'coreano',
    tr: 'turco',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${c.name(p.payer)} se obliga a pagar a ${c.name(p.payee)} la cantidad de ${c.money(p.amount)} en un único pago${sp(c.method(p.method))}, ${deadline(c.date(p.dueDate))}.`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `plazo n.º ${n + 1}: ${c.money(i.amount)}, ${deadline(c.date(i.dueDate))}`,
      );
      const schedule = `${c.name(p.payer)} se obliga a pagar a ${c.name(p.payee)} la cantidad total de ${c.money(total)} en ${p.instalments.length} plazos${sp(c.method(p.method))}, conforme al siguiente calendario: ${rows.join('; ')}.`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} Si ${c.name(p.payer)} no paga íntegramente cualquiera de los plazos a su vencimiento, la totalidad del saldo pendiente vencerá anticipadamente y será exigible de inmediato, y ${c.name(p.payee)} podrá exigir su pago en una sola vez.`;
    },

    delivery_of_goods: (p, c) =>
      `${c.name(p.supplier)} se obliga a entregar ${c.text(p.goods)} a ${c.name(p.recipient)}, ${deadline(c.date(p.dueDate))}${p.place ? `; lugar de entrega: ${c.text(p.place)}` : ''}.`,

    return_of_goods: (p, c) =>
      `${c.name(p.returner)} se obliga a devolver ${c.text(p.goods)} a ${c.name(p.recipient)}, ${deadline(c.date(p.dueDate))}${p.place ? `; lugar de devolución: ${c.text(p.place)}` : ''}.${p.costsBorneBy ? ` Los gastos de transporte y demás gastos derivados de la devolución correrán a cargo de ${c.name(p.costsBorneBy)}.` : ''}`,

    refund: (p, c) =>
      `${c.name(p.payer)} se obliga a reembolsar a ${c.name(p.payee)} la cantidad de ${c.money(p.amount)} ya percibida${sp(c.method(p.method))}, ${deadline(c.date(p.dueDate))}.`,

    deposit_return: (p, c) =>
      `${c.name(p.landlord)} se obliga a devolver a ${c.name(p.tenant)} la fianza del arrendamiento, por importe de ${c.money(p.amount)}${sp(c.method(p.method))}, ${deadline(c.date(p.dueDate))}.`,

    wage_arrears: (p, c) =>
      `${c.name(p.employer)} se obliga a pagar a ${c.name(p.worker)}, en un único pago${sp(c.method(p.method))}, los salarios adeudados correspondientes al período comprendido entre el ${c.date(p.periodFrom)} y el ${c.date(p.periodTo)}, por un importe total de ${c.money(p.amount)}, ${deadline(c.date(p.dueDate))}.`,

    apology: (p, c) =>
      `${c.name(p.apologiser)} se obliga a presentar sus disculpas a ${c.name(p.recipient)} ${p.form === 'written' ? 'por escrito' : 'de forma verbal'}${p.dueDate ? `, ${deadline(c.date(p.dueDate))}` : ''}.`,

    confidentiality: () =>
      'Las partes se obligan a mantener la confidencialidad del desarrollo de la mediación y del contenido del presente acuerdo, y a no divulgarlos a terceros, salvo cuando la ley exija su divulgación.',

    waiver_of_claims: (p) =>
      `${p.uponPerformance === false ? 'Las partes declaran que no tienen' : 'Una vez cumplido íntegramente el presente acuerdo, las partes no tendrán'} ninguna otra reclamación entre sí derivada de la presente controversia, y ninguna de ellas podrá formular contra las demás ninguna otra pretensión derivada de dicha controversia.`,

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return 'Si el presente acuerdo se redacta también en otros idiomas además del chino, en caso de discrepancia entre las versiones prevalecerá la versión en chino.';
      }
      const versions = names.length === 2 ? 'ambas versiones' : 'las versiones';
      return `El presente acuerdo se redacta ${list(names)}. En caso de discrepancia entre ${versions}, prevalecerá la versión en chino.`;
    },
  },
};
