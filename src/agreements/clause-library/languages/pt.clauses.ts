/** Portuguese: contract register ("obriga-se a ... até ..."). Amounts: "CNY 50.000,00". */
import { LanguageTemplates } from '../clause-templates';

const deadline = (date: string) => `até ${date}`;
const sp = (phrase: string) => (phrase ? ` ${phrase}` : '');
const list = (items: string[]) => {
  const withEm = items.map((i) => `em ${i}`);
  return `${withEm.slice(0, -1).join(', ')} e ${withEm[withEm.length - 1]}`;
};

export const PT: LanguageTemplates = {
  // Currency before the amount, as Portuguese writes "R$ 50.000,00".
  money: (number, currency) => `${currency}\u00A0${number}`,
  methods: {
    bank_transfer: 'por transferência bancária',
    cash: 'em dinheiro',
    wechat_pay: 'por meio do WeChat Pay',
    alipay: 'por meio do Alipay',
  },
  languageNames: {
    'zh-CN': 'chinês',
    en: 'inglês',
    ar: 'árabe',
    fa: 'persa',
    ur: 'urdu',
    hi: 'hindi',
    ru: 'russo',
    fr: 'francês',
    es: 'espanhol',
    pt: 'português',
    ko: 'coreano',
    tr: 'turco',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${c.name(p.payer)} obriga-se a pagar a ${c.name(p.payee)} a quantia de ${c.money(p.amount)}, em parcela única${sp(c.method(p.method))}, ${deadline(c.date(p.dueDate))}.`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `parcela n.º ${n + 1}: ${c.money(i.amount)}, ${deadline(c.date(i.dueDate))}`,
      );
      const schedule = `${c.name(p.payer)} obriga-se a pagar a ${c.name(p.payee)} a quantia total de ${c.money(total)}, em ${p.instalments.length} parcelas${sp(c.method(p.method))}, conforme o seguinte cronograma: ${rows.join('; ')}.`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} O não pagamento integral de qualquer parcela no respectivo vencimento acarretará o vencimento antecipado de todo o saldo remanescente, que se tornará imediatamente exigível, podendo ${c.name(p.payee)} exigir o seu pagamento de uma só vez.`;
    },

    delivery_of_goods: (p, c) =>
      `${c.name(p.supplier)} obriga-se a entregar ${c.text(p.goods)} a ${c.name(p.recipient)} ${deadline(c.date(p.dueDate))}${p.place ? `; local de entrega: ${c.text(p.place)}` : ''}.`,

    return_of_goods: (p, c) =>
      `${c.name(p.returner)} obriga-se a devolver ${c.text(p.goods)} a ${c.name(p.recipient)} ${deadline(c.date(p.dueDate))}${p.place ? `; local de devolução: ${c.text(p.place)}` : ''}.${p.costsBorneBy ? ` As despesas de transporte e demais despesas decorrentes da devolução ficam a cargo de ${c.name(p.costsBorneBy)}.` : ''}`,

    refund: (p, c) =>
      `${c.name(p.payer)} obriga-se a restituir a ${c.name(p.payee)} a quantia de ${c.money(p.amount)} já recebida${sp(c.method(p.method))}, ${deadline(c.date(p.dueDate))}.`,

    deposit_return: (p, c) =>
      `${c.name(p.landlord)} obriga-se a restituir a ${c.name(p.tenant)} a caução da locação, no valor de ${c.money(p.amount)}${sp(c.method(p.method))}, ${deadline(c.date(p.dueDate))}.`,

    wage_arrears: (p, c) =>
      `${c.name(p.employer)} obriga-se a pagar a ${c.name(p.worker)}, em parcela única${sp(c.method(p.method))}, os salários em atraso referentes ao período de ${c.date(p.periodFrom)} a ${c.date(p.periodTo)}, no valor total de ${c.money(p.amount)}, ${deadline(c.date(p.dueDate))}.`,

    apology: (p, c) =>
      `${c.name(p.apologiser)} obriga-se a apresentar um pedido de desculpas a ${c.name(p.recipient)} ${p.form === 'written' ? 'por escrito' : 'verbalmente'}${p.dueDate ? `, ${deadline(c.date(p.dueDate))}` : ''}.`,

    confidentiality: () =>
      'As partes obrigam-se a manter em sigilo o andamento da mediação e o conteúdo do presente acordo, não os divulgando a terceiros, salvo quando a divulgação for exigida por lei.',

    waiver_of_claims: (p) =>
      `${p.uponPerformance === false ? 'As partes declaram que nada mais têm' : 'Cumprido integralmente o presente acordo, as partes nada mais terão'} a reclamar entre si com relação ao presente litígio, e nenhuma delas poderá formular contra as demais qualquer outra pretensão decorrente deste litígio.`,

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return 'Caso o presente acordo seja redigido também em outros idiomas além do chinês, prevalecerá a versão em chinês em caso de divergência entre as versões.';
      }
      const versions = names.length === 2 ? 'as duas versões' : 'as versões';
      return `O presente acordo é redigido ${list(names)}. Em caso de divergência entre ${versions}, prevalecerá a versão em chinês.`;
    },
  },
};
