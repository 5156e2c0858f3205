/**
 * Korean: contract register ("…은 …까지 …에게 …을 지급한다"). Particles follow the word before
 * them (josa); after a name in Latin letters the legal-text form "은(는)" is used.
 */
import { josa } from '../clause-formatting';
import { LanguageTemplates } from '../clause-templates';

const sp = (phrase: string) => (phrase ? `${phrase} ` : '');
const topic = (word: string) => `${word}${josa(word, '은', '는')}`;
const subject = (word: string) => `${word}${josa(word, '이', '가')}`;
const object = (word: string) => `${word}${josa(word, '을', '를')}`;
const deadline = (date: string) => `${date}까지`;

export const KO: LanguageTemplates = {
  money: (number, currency) => `${currency} ${number}`,
  methods: {
    bank_transfer: '계좌이체 방식으로',
    cash: '현금으로',
    wechat_pay: '위챗페이(WeChat Pay)로',
    alipay: '알리페이(Alipay)로',
  },
  languageNames: {
    'zh-CN': '중국어',
    en: '영어',
    ar: '아랍어',
    fa: '페르시아어',
    ur: '우르두어',
    hi: '힌디어',
    ru: '러시아어',
    fr: '프랑스어',
    es: '스페인어',
    pt: '포르투갈어',
    ko: '한국어',
    tr: '튀르키예어',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${topic(c.name(p.payer))} ${deadline(c.date(p.dueDate))} ${c.name(p.payee)}에게 ${object(c.money(p.amount))} ${sp(c.method(p.method))}일시에 지급한다.`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `제${n + 1}회 ${c.money(i.amount)}, ${deadline(c.date(i.dueDate))}`,
      );
      const schedule = `${topic(c.name(p.payer))} ${c.name(p.payee)}에게 총 ${object(c.money(total))} ${sp(c.method(p.method))}다음과 같이 ${p.instalments.length}회에 걸쳐 분할 지급한다: ${rows.join('; ')}.`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} ${subject(c.name(p.payer))} 어느 한 회차의 분할금이라도 지급기일까지 전액 지급하지 아니한 경우, ${topic(c.name(p.payer))} 기한의 이익을 상실하며 미지급 잔액 전부를 즉시 지급하여야 하고, ${topic(c.name(p.payee))} 그 잔액 전부의 일시 지급을 청구할 수 있다.`;
    },

    delivery_of_goods: (p, c) =>
      `${topic(c.name(p.supplier))} ${deadline(c.date(p.dueDate))} ${p.place ? `${c.text(p.place)}에서 ` : ''}${c.name(p.recipient)}에게 ${object(c.text(p.goods))} 인도한다.`,

    return_of_goods: (p, c) =>
      `${topic(c.name(p.returner))} ${deadline(c.date(p.dueDate))} ${p.place ? `${c.text(p.place)}에서 ` : ''}${c.name(p.recipient)}에게 ${object(c.text(p.goods))} 반환한다.${p.costsBorneBy ? ` 반환에 따른 운송비 및 기타 비용은 ${subject(c.name(p.costsBorneBy))} 부담한다.` : ''}`,

    refund: (p, c) =>
      `${topic(c.name(p.payer))} ${deadline(c.date(p.dueDate))} ${c.name(p.payee)}에게 이미 수령한 ${object(c.money(p.amount))} ${sp(c.method(p.method))}반환한다.`,

    deposit_return: (p, c) =>
      `${topic(c.name(p.landlord))} ${deadline(c.date(p.dueDate))} ${c.name(p.tenant)}에게 임대차 보증금 ${object(c.money(p.amount))} ${sp(c.method(p.method))}반환한다.`,

    wage_arrears: (p, c) =>
      `${topic(c.name(p.employer))} ${deadline(c.date(p.dueDate))} ${c.name(p.worker)}에게 ${c.date(p.periodFrom)}부터 ${c.date(p.periodTo)}까지의 체불 임금 합계 ${object(c.money(p.amount))} ${sp(c.method(p.method))}일시에 지급한다.`,

    apology: (p, c) =>
      `${topic(c.name(p.apologiser))} ${p.dueDate ? `${deadline(c.date(p.dueDate))} ` : ''}${c.name(p.recipient)}에게 ${p.form === 'written' ? '서면으로' : '구두로'} 사과한다.`,

    confidentiality: () =>
      '당사자들은 이 조정의 진행 과정 및 이 합의서의 내용에 대하여 비밀을 유지하여야 하며, 법령에 따라 공개가 요구되는 경우를 제외하고는 이를 제3자에게 공개하여서는 아니 된다.',

    waiver_of_claims: (p) =>
      p.uponPerformance === false
        ? '당사자들은 이 분쟁과 관련하여 서로에 대하여 더 이상의 이의가 없음을 확인하며, 이 분쟁으로 인한 어떠한 추가 청구도 하지 아니한다.'
        : '이 합의가 모두 이행된 후에는 당사자들은 이 분쟁과 관련하여 서로에 대하여 더 이상의 이의를 제기하지 아니하며, 이 분쟁으로 인한 어떠한 추가 청구도 하지 아니한다.',

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return '이 합의서가 중국어 외의 다른 언어로도 작성된 경우, 언어본 사이에 차이가 있으면 중국어본이 우선한다.';
      }
      const joined = `${names.slice(0, -1).join(', ')} 및 ${names[names.length - 1]}`;
      const versions = names.length === 2 ? '두 언어본' : '각 언어본';
      // Every language name ends in 어, a vowel, so the particle is always 로.
      return `이 합의서는 ${joined}로 작성되었으며, ${versions} 사이에 차이가 있는 경우 중국어본이 우선한다.`;
    },
  },
};
