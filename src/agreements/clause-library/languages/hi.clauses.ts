/**
 * Hindi: formal legal register ("... को या उससे पहले ... करेगा"), the masculine generic as Indian
 * contracts use it. Amounts keep the Indian lakh grouping (12,34,567.50) with Latin digits.
 */
import { currencyName } from '../clause-formatting';
import { LanguageTemplates } from '../clause-templates';

const deadline = (date: string) => `${date} को या उससे पहले`;
const sp = (phrase: string) => (phrase ? ` ${phrase}` : '');

export const HI: LanguageTemplates = {
  money: (number, currency) => {
    const name = currencyName(currency, 'hi');
    return name === currency ? `${number} ${currency}` : `${number} ${name} (${currency})`;
  },
  methods: {
    bank_transfer: 'बैंक अंतरण द्वारा',
    cash: 'नकद रूप में',
    wechat_pay: 'वीचैट पे (WeChat Pay) के माध्यम से',
    alipay: 'अलीपे (Alipay) के माध्यम से',
  },
  languageNames: {
    'zh-CN': 'चीनी',
    en: 'अंग्रेज़ी',
    ar: 'अरबी',
    fa: 'फ़ारसी',
    ur: 'उर्दू',
    hi: 'हिंदी',
    ru: 'रूसी',
    fr: 'फ़्रेंच',
    es: 'स्पेनिश',
    pt: 'पुर्तगाली',
    ko: 'कोरियाई',
    tr: 'तुर्की',
  },
  clauses: {
    lump_sum_payment: (p, c) =>
      `${c.name(p.payer)}, ${c.name(p.payee)} को ${c.money(p.amount)} की राशि का एकमुश्त भुगतान${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} करेगा।`,

    instalments: (p, c) => {
      const total = p.total ?? c.total(p.instalments);
      const rows = p.instalments.map(
        (i, n) => `किस्त ${n + 1}: ${c.money(i.amount)}, ${deadline(c.date(i.dueDate))}`,
      );
      const schedule = `${c.name(p.payer)}, ${c.name(p.payee)} को कुल ${c.money(total)} की राशि का भुगतान${sp(c.method(p.method))} ${p.instalments.length} किस्तों में निम्नानुसार करेगा: ${rows.join('; ')}।`;
      if (!p.accelerateOnDefault) return schedule;
      return `${schedule} यदि ${c.name(p.payer)} किसी भी किस्त का पूर्ण भुगतान नियत तिथि तक नहीं करता है, तो संपूर्ण शेष अदत्त राशि तत्काल देय हो जाएगी और ${c.name(p.payee)} उसके एकमुश्त भुगतान की मांग करने का हकदार होगा।`;
    },

    delivery_of_goods: (p, c) =>
      `${c.name(p.supplier)}, ${c.text(p.goods)}${p.place ? ` ${c.text(p.place)} पर` : ''} ${deadline(c.date(p.dueDate))} ${c.name(p.recipient)} को सुपुर्द करेगा।`,

    return_of_goods: (p, c) =>
      `${c.name(p.returner)}, ${c.text(p.goods)}${p.place ? ` ${c.text(p.place)} पर` : ''} ${deadline(c.date(p.dueDate))} ${c.name(p.recipient)} को वापस करेगा${p.costsBorneBy ? `; वापसी से संबंधित परिवहन एवं अन्य व्यय ${c.name(p.costsBorneBy)} द्वारा वहन किए जाएंगे` : ''}।`,

    refund: (p, c) =>
      `${c.name(p.payer)}, प्राप्त की गई ${c.money(p.amount)} की राशि${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} ${c.name(p.payee)} को वापस करेगा।`,

    deposit_return: (p, c) =>
      `${c.name(p.landlord)}, किरायेदारी की जमानत राशि (सिक्योरिटी डिपॉज़िट) ${c.money(p.amount)}${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} ${c.name(p.tenant)} को वापस करेगा।`,

    wage_arrears: (p, c) =>
      `${c.name(p.employer)}, ${c.name(p.worker)} को ${c.date(p.periodFrom)} से ${c.date(p.periodTo)} तक की अवधि की बकाया मज़दूरी की कुल राशि ${c.money(p.amount)} का एकमुश्त भुगतान${sp(c.method(p.method))} ${deadline(c.date(p.dueDate))} करेगा।`,

    apology: (p, c) =>
      `${c.name(p.apologiser)},${p.dueDate ? ` ${deadline(c.date(p.dueDate))},` : ''} ${c.name(p.recipient)} से ${p.form === 'written' ? 'लिखित रूप में' : 'मौखिक रूप से'} क्षमा याचना करेगा।`,

    confidentiality: () =>
      'पक्षकार इस मध्यस्थता की कार्यवाही और इस समझौते की विषय-वस्तु को गोपनीय रखेंगे और किसी तीसरे पक्ष के समक्ष उसका प्रकटीकरण नहीं करेंगे, सिवाय उस स्थिति के जब विधि द्वारा ऐसा प्रकटीकरण अपेक्षित हो।',

    waiver_of_claims: (p) =>
      p.uponPerformance === false
        ? 'पक्षकार पुष्टि करते हैं कि इस मामले के संबंध में उनके बीच कोई अन्य विवाद शेष नहीं है, और कोई भी पक्षकार इस विवाद से उत्पन्न कोई अन्य दावा किसी अन्य पक्षकार के विरुद्ध नहीं करेगा।'
        : 'इस समझौते के पूर्ण निष्पादन के पश्चात, इस मामले के संबंध में पक्षकारों के बीच कोई अन्य विवाद शेष नहीं रहेगा, और कोई भी पक्षकार इस विवाद से उत्पन्न कोई अन्य दावा किसी अन्य पक्षकार के विरुद्ध नहीं करेगा।',

    chinese_text_prevails: (p, c) => {
      const names = c.languageNames(p.languages ?? []);
      if (names.length < 2) {
        return 'यदि यह समझौता चीनी के अतिरिक्त अन्य भाषाओं में भी तैयार किया गया है, तो पाठों में किसी भी असंगति की स्थिति में चीनी पाठ मान्य होगा।';
      }
      const two = names.length === 2;
      const joined = `${names.slice(0, -1).join(', ')} और ${names[names.length - 1]}`;
      return `यह समझौता ${joined} भाषाओं में तैयार किया गया है, और ${two ? 'दोनों पाठों' : 'पाठों'} में किसी भी असंगति की स्थिति में चीनी पाठ मान्य होगा।`;
    },
  },
};
