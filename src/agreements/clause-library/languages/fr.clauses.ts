/**
 * French: contract register ("s’engage à ... au plus tard le ..."), typographic apostrophes, a
 * no-break space before ":" and ";" as French typography requires. Amounts: "50 000,00 CNY".
 */
import { LanguageTemplates } from '../clause-templates';

const NBSP = '\u00A0';
const deadline = (date: string) => `au plus tard le ${date}`;
const sp = (phrase: string) => (phrase ? ` ${phrase}` : '');
const list = (items: string[]) => {
  const withEn = items.map((i) => `en ${i}`);
  return `${withEn.slice(0, -1).join(', ')} et ${withEn[withEn.length - 1]}`;
};

export const FR: LanguageTemplates = {
  money: (number, currency) => `${number}${NBSP}${currency}`,
  methods: {
    bank_transfer: 'par virement bancaire',
    cash: 'en espèces',
    wechat_pay: 'via WeChat Pay',
    alipay: 'via Alipay',
  },
  languageNames: {
    'zh-CN': 'chinois',
    en: 'anglais',
    ar: 'arabe',
    fa: 'persan',
    ur: 'ourdou',
    hi: 'hindi',
    ru: 'russe',
    fr: 'français',
    es: 'espagnol',
    pt: 'portugais',
    ko: 'coréen',
    tr: 'turc',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${c.name(p.payer)} s’engage à verser à ${c.name(p.payee)} la somme de ${c.money(p.amount)} en un seul versement${sp(c.method(p.method))}, ${deadline(c.date(p.dueDate))}.`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) =>
          `échéance n°${NBSP}${n + 1}${NBSP}: ${c.money(i.amount)}, ${deadline(c.date(i.dueDate))}`,
      );
      const schedule = `${c.name(p.payer)} s’engage à verser à ${c.name(p.payee)} la somme totale de ${c.money(total)} en ${p.instalments.length} échéances${sp(c.method(p.method))}, selon l’échéancier suivant${NBSP}: ${rows.join(`${NBSP}; `)}.`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} À défaut de paiement intégral de l’une quelconque des échéances à sa date, la totalité du solde restant dû deviendra immédiatement exigible et ${c.name(p.payee)} pourra en exiger le paiement en une seule fois.`;
    },

    delivery_of_goods: (p, c) =>
      `${c.name(p.supplier)} s’engage à livrer ${c.text(p.goods)} à ${c.name(p.recipient)}, ${deadline(c.date(p.dueDate))}${p.place ? `${NBSP}; lieu de livraison${NBSP}: ${c.text(p.place)}` : ''}.`,

    return_of_goods: (p, c) =>
      `${c.name(p.returner)} s’engage à restituer ${c.text(p.goods)} à ${c.name(p.recipient)}, ${deadline(c.date(p.dueDate))}${p.place ? `${NBSP}; lieu de restitution${NBSP}: ${c.text(p.place)}` : ''}.${p.costsBorneBy ? ` Les frais de transport et autres frais liés à la restitution sont à la charge de ${c.name(p.costsBorneBy)}.` : ''}`,

    refund: (p, c) =>
      `${c.name(p.payer)} s’engage à rembourser à ${c.name(p.payee)} la somme de ${c.money(p.amount)} déjà perçue${sp(c.method(p.method))}, ${deadline(c.date(p.dueDate))}.`,

    deposit_return: (p, c) =>
      `${c.name(p.landlord)} s’engage à restituer à ${c.name(p.tenant)} le dépôt de garantie du bail, d’un montant de ${c.money(p.amount)}${sp(c.method(p.method))}, ${deadline(c.date(p.dueDate))}.`,

    wage_arrears: (p, c) =>
      `${c.name(p.employer)} s’engage à verser à ${c.name(p.worker)}, en un seul versement${sp(c.method(p.method))}, les salaires impayés pour la période du ${c.date(p.periodFrom)} au ${c.date(p.periodTo)}, d’un montant total de ${c.money(p.amount)}, ${deadline(c.date(p.dueDate))}.`,

    apology: (p, c) =>
      `${c.name(p.apologiser)} s’engage à présenter ses excuses à ${c.name(p.recipient)} ${p.form === 'written' ? 'par écrit' : 'oralement'}${p.dueDate ? `, ${deadline(c.date(p.dueDate))}` : ''}.`,

    confidentiality: () =>
      'Les parties s’engagent à garder confidentiels le déroulement de la médiation et le contenu du présent accord et à ne pas les divulguer à des tiers, sauf lorsque la loi en impose la communication.',

    waiver_of_claims: (p) =>
      `${p.uponPerformance === false ? 'Les parties reconnaissent n’avoir' : 'Après l’exécution intégrale du présent accord, les parties n’auront'} plus aucune réclamation entre elles au titre du présent litige, et aucune partie ne pourra former à l’encontre d’une autre partie une quelconque demande supplémentaire découlant de ce litige.`,

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return 'Si le présent accord est également rédigé dans d’autres langues que le chinois, la version chinoise prévaut en cas de divergence entre les versions.';
      }
      const versions = names.length === 2 ? 'les deux versions' : 'les versions';
      return `Le présent accord est rédigé ${list(names)}. En cas de divergence entre ${versions}, la version chinoise prévaut.`;
    },
  },
};
