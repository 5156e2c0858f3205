/**
 * Russian: contract register ("обязуется ... не позднее ..."). Names stay in the nominative where
 * grammar allows (names in Latin or Chinese script cannot be declined anyway); counts are avoided
 * ("платёж № 1") so no numeral agreement depends on the number. The amount carries the ISO code
 * after it, as Russian contracts write foreign currency ("50 000,00 CNY").
 */
import { LanguageTemplates } from '../clause-templates';

const deadline = (date: string) => `не позднее ${date}`;
const sp = (phrase: string) => (phrase ? ` ${phrase}` : '');

export const RU: LanguageTemplates = {
  money: (number, currency) => `${number}\u00A0${currency}`,
  methods: {
    bank_transfer: 'банковским переводом',
    cash: 'наличными денежными средствами',
    wechat_pay: 'через WeChat Pay',
    alipay: 'через Alipay',
  },
  // In the prepositional case, each with its own "на": "на китайском языке и на языке урду".
  languageNames: {
    'zh-CN': 'на китайском языке',
    en: 'на английском языке',
    ar: 'на арабском языке',
    fa: 'на персидском языке',
    ur: 'на языке урду',
    hi: 'на языке хинди',
    ru: 'на русском языке',
    fr: 'на французском языке',
    es: 'на испанском языке',
    pt: 'на португальском языке',
    ko: 'на корейском языке',
    tr: 'на турецком языке',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${c.name(p.payer)} обязуется единовременно уплатить ${c.name(p.payee)} денежную сумму в размере ${c.money(p.amount)}${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))}.`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `платёж № ${n + 1} — ${c.money(i.amount)} ${deadline(c.date(i.dueDate))}`,
      );
      const schedule = `${c.name(p.payer)} обязуется уплатить ${c.name(p.payee)} денежную сумму в общем размере ${c.money(total)} в рассрочку${sp(c.method(p.method))} в соответствии со следующим графиком: ${rows.join('; ')}.`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} Если ${c.name(p.payer)} не уплатит какой-либо платёж в полном объёме в установленный срок, вся оставшаяся неуплаченная сумма подлежит уплате незамедлительно, и ${c.name(p.payee)} вправе потребовать её единовременной уплаты.`;
    },

    delivery_of_goods: (p, c) =>
      `${c.name(p.supplier)} обязуется передать ${c.name(p.recipient)} ${c.text(p.goods)} ${deadline(c.date(p.dueDate))}${p.place ? `; место передачи: ${c.text(p.place)}` : ''}.`,

    return_of_goods: (p, c) =>
      `${c.name(p.returner)} обязуется возвратить ${c.name(p.recipient)} ${c.text(p.goods)} ${deadline(c.date(p.dueDate))}${p.place ? `; место возврата: ${c.text(p.place)}` : ''}.${p.costsBorneBy ? ` Транспортные и иные расходы, связанные с возвратом, несёт ${c.name(p.costsBorneBy)}.` : ''}`,

    refund: (p, c) =>
      `${c.name(p.payer)} обязуется возвратить ${c.name(p.payee)} полученную денежную сумму в размере ${c.money(p.amount)}${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))}.`,

    deposit_return: (p, c) =>
      `${c.name(p.landlord)} обязуется возвратить ${c.name(p.tenant)} обеспечительный платёж (депозит) по договору аренды в размере ${c.money(p.amount)}${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))}.`,

    wage_arrears: (p, c) =>
      `${c.name(p.employer)} обязуется единовременно выплатить ${c.name(p.worker)} задолженность по заработной плате за период с ${c.date(p.periodFrom)} по ${c.date(p.periodTo)} в размере ${c.money(p.amount)}${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))}.`,

    apology: (p, c) =>
      `${c.name(p.apologiser)} обязуется${p.dueDate ? ` ${deadline(c.date(p.dueDate))}` : ''} принести ${c.name(p.recipient)} извинения в ${p.form === 'written' ? 'письменной' : 'устной'} форме.`,

    confidentiality: () =>
      'Стороны обязуются сохранять конфиденциальность хода процедуры посредничества и содержания настоящего соглашения и не разглашать их третьим лицам, за исключением случаев, когда раскрытие информации требуется в соответствии с законом.',

    waiver_of_claims: (p) =>
      `${p.uponPerformance === false ? 'Стороны подтверждают, что не имеют' : 'После исполнения настоящего соглашения в полном объёме стороны не имеют'} друг к другу каких-либо иных претензий и требований, вытекающих из данного спора.`,

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return 'Если настоящее соглашение составлено, помимо китайского, и на других языках, в случае расхождений между текстами преимущественную силу имеет текст на китайском языке.';
      }
      const joined = `${names.slice(0, -1).join(', ')} и ${names[names.length - 1]}`;
      return `Настоящее соглашение составлено ${joined}. В случае расхождений между текстами преимущественную силу имеет текст на китайском языке.`;
    },
  },
};
