/** English: the register of an international settlement agreement ("shall", "on or before"). */
import { LanguageTemplates } from '../clause-templates';

const list = (items: string[]) =>
  items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const by = (date: string) => `on or before ${date}`;
const sp = (phrase: string) => (phrase ? ` ${phrase}` : '');

export const EN: LanguageTemplates = {
  // ISO code before the amount, as international contracts write it (CNY 50,000.00).
  money: (number, currency) => `${currency}\u00A0${number}`,
  methods: {
    bank_transfer: 'by bank transfer',
    cash: 'in cash',
    wechat_pay: 'via WeChat Pay',
    alipay: 'via Alipay',
  },
  languageNames: {
    'zh-CN': 'Chinese',
    en: 'English',
    ar: 'Arabic',
    fa: 'Persian',
    ur: 'Urdu',
    hi: 'Hindi',
    ru: 'Russian',
    fr: 'French',
    es: 'Spanish',
    pt: 'Portuguese',
    ko: 'Korean',
    tr: 'Turkish',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${c.name(p.payer)} shall pay ${c.name(p.payee)} the sum of ${c.money(p.amount)} in a single payment${sp(c.method(p.method))} ${by(c.date(p.dueDate))}.`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `instalment ${n + 1}: ${c.money(i.amount)}, ${by(c.date(i.dueDate))}`,
      );
      const schedule = `${c.name(p.payer)} shall pay ${c.name(p.payee)} the total sum of ${c.money(total)} in ${p.instalments.length} instalments${sp(c.method(p.method))}, as follows: ${rows.join('; ')}.`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} If ${c.name(p.payer)} fails to pay any instalment in full when due, the entire unpaid balance shall become due immediately, and ${c.name(p.payee)} shall be entitled to demand payment of the entire unpaid balance at once.`;
    },

    delivery_of_goods: (p, c) =>
      `${c.name(p.supplier)} shall deliver ${c.text(p.goods)} to ${c.name(p.recipient)}${p.place ? ` at ${c.text(p.place)}` : ''} ${by(c.date(p.dueDate))}.`,

    return_of_goods: (p, c) =>
      `${c.name(p.returner)} shall return ${c.text(p.goods)} to ${c.name(p.recipient)}${p.place ? ` at ${c.text(p.place)}` : ''} ${by(c.date(p.dueDate))}${p.costsBorneBy ? `; the transport and other costs of the return shall be borne by ${c.name(p.costsBorneBy)}` : ''}.`,

    // The deadline comes first so that "on or before" cannot be read as qualifying "received".
    refund: (p, c) =>
      `${c.name(p.payer)} shall, ${by(c.date(p.dueDate))}, refund to ${c.name(p.payee)}${sp(c.method(p.method))} the sum of ${c.money(p.amount)} already received.`,

    deposit_return: (p, c) =>
      `${c.name(p.landlord)} shall return to ${c.name(p.tenant)} the tenancy deposit of ${c.money(p.amount)}${sp(c.method(p.method))} ${by(c.date(p.dueDate))}.`,

    wage_arrears: (p, c) =>
      `${c.name(p.employer)} shall pay ${c.name(p.worker)} the unpaid wages for the period from ${c.date(p.periodFrom)} to ${c.date(p.periodTo)}, totalling ${c.money(p.amount)}, in a single payment${sp(c.method(p.method))} ${by(c.date(p.dueDate))}.`,

    apology: (p, c) =>
      `${c.name(p.apologiser)} shall apologise to ${c.name(p.recipient)} ${p.form === 'written' ? 'in writing' : 'orally'}${p.dueDate ? ` ${by(c.date(p.dueDate))}` : ''}.`,

    confidentiality: () =>
      'The parties shall keep the course of this mediation and the content of this agreement confidential and shall not disclose them to any third party, except where disclosure is required by law.',

    waiver_of_claims: (p) =>
      `${p.uponPerformance === false ? 'The parties confirm that they have' : 'Upon full performance of this agreement, the parties have'} no further dispute in respect of this matter, and no party shall make any further claim against any other party arising from this dispute.`,

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return 'Where this agreement is also made in languages other than Chinese, the Chinese text shall prevail in the event of any discrepancy between the texts.';
      }
      const texts = names.length === 2 ? 'the two texts' : 'the texts';
      return `This agreement is made in ${list(names)}. In the event of any discrepancy between ${texts}, the Chinese text shall prevail.`;
    },
  },
};
