/**
 * Simplified Chinese: the register of 人民调解协议书. This is the text that prevails, so it is the
 * reference every other language file translates. Amounts in CNY are written 人民币…元 and repeated
 * in capital numerals (大写), as Chinese agreements do to prevent alteration.
 */
import { chineseCapitalAmount, currencyName } from '../clause-formatting';
import { LanguageTemplates } from '../clause-templates';
import { Money } from '../clause-types';

const capital = (m: Money) =>
  m.currency === 'CNY' ? `（大写：人民币${chineseCapitalAmount(m.amount, m.currency)}）` : '';

const list = (items: string[]) =>
  items.length === 1 ? items[0] : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;

const until = (date: string) => `于${date}前`;

export const ZH_CN: LanguageTemplates = {
  money: (number, currency) => {
    if (currency === 'CNY') return `人民币${number}元`;
    const name = currencyName(currency, 'zh-CN');
    return name === currency ? `${currency} ${number}` : `${number}${name}`;
  },
  methods: {
    bank_transfer: '以银行转账方式',
    cash: '以现金方式',
    wechat_pay: '通过微信支付',
    alipay: '通过支付宝',
  },
  languageNames: {
    'zh-CN': '中文',
    en: '英文',
    ar: '阿拉伯文',
    fa: '波斯文',
    ur: '乌尔都文',
    hi: '印地文',
    ru: '俄文',
    fr: '法文',
    es: '西班牙文',
    pt: '葡萄牙文',
    ko: '韩文',
    tr: '土耳其文',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${c.name(p.payer)}${until(c.date(p.dueDate))}${c.method(p.method)}一次性向${c.name(p.payee)}支付${c.money(p.amount)}${capital(p.amount)}。`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `第${n + 1}期，${until(c.date(i.dueDate))}支付${c.money(i.amount)}`,
      );
      const schedule = `${c.name(p.payer)}${c.method(p.method)}分${p.instalments.length}期向${c.name(p.payee)}支付共计${c.money(total)}${capital(total)}，具体如下：${rows.join('；')}。`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule}${c.name(p.payer)}未按上述约定按期足额支付任何一期款项的，剩余未付款项视为全部到期，${c.name(p.payee)}有权要求${c.name(p.payer)}立即一次性支付全部剩余款项。`;
    },

    delivery_of_goods: (p, c) =>
      `${c.name(p.supplier)}${until(c.date(p.dueDate))}${p.place ? `在${c.text(p.place)}` : ''}向${c.name(p.recipient)}交付${c.text(p.goods)}。`,

    return_of_goods: (p, c) =>
      `${c.name(p.returner)}${until(c.date(p.dueDate))}${p.place ? `在${c.text(p.place)}` : ''}向${c.name(p.recipient)}退还${c.text(p.goods)}${p.costsBorneBy ? `，退货所产生的运输费用及其他费用由${c.name(p.costsBorneBy)}承担` : ''}。`,

    refund: (p, c) =>
      `${c.name(p.payer)}${until(c.date(p.dueDate))}${c.method(p.method)}向${c.name(p.payee)}退还已收取的款项${c.money(p.amount)}${capital(p.amount)}。`,

    deposit_return: (p, c) =>
      `${c.name(p.landlord)}${until(c.date(p.dueDate))}${c.method(p.method)}向${c.name(p.tenant)}退还房屋租赁押金${c.money(p.amount)}${capital(p.amount)}。`,

    wage_arrears: (p, c) =>
      `${c.name(p.employer)}${until(c.date(p.dueDate))}${c.method(p.method)}一次性向${c.name(p.worker)}支付其${c.date(p.periodFrom)}至${c.date(p.periodTo)}期间被拖欠的工资共计${c.money(p.amount)}${capital(p.amount)}。`,

    apology: (p, c) =>
      `${c.name(p.apologiser)}${p.dueDate ? until(c.date(p.dueDate)) : ''}以${p.form === 'written' ? '书面' : '口头'}形式向${c.name(p.recipient)}赔礼道歉。`,

    confidentiality: () =>
      '各方当事人应对本次调解的过程及本协议的内容保密，不得向任何第三方披露，但法律另有规定或者依法应当披露的除外。',

    waiver_of_claims: (p) =>
      `${p.uponPerformance === false ? '各方当事人确认' : '本协议履行完毕后，各方当事人'}就本纠纷再无其他争议，任何一方不得再就本纠纷向其他当事人提出任何请求。`,

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2)
        return '本协议如另有其他语言文本，各文本之间如有不一致，以中文文本为准。';
      const texts = names.length === 2 ? '两种文本' : '各文本';
      return `本协议以${list(names)}写成，${texts}如有不一致，以中文文本为准。`;
    },
  },
};
