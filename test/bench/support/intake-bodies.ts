import { creditCodeCheckCharacter } from '../../../src/cases/identity-checks';

/**
 * Registration bodies like test/e2e/support/case-factory.ts yemeniMerchantCase: an Arabic-speaking
 * merchant against a Chinese supplier. Passport and credit code differ per request (a run prefix
 * and a counter), so no request meets DUPLICATE_PERSON or DUPLICATE_ORGANISATION.
 */
export function intakeBodies(stationId: string, runTag: string): () => string {
  let n = 0;
  return () => {
    n++;
    const serial = String(n).padStart(7, '0');
    const base = `91330782${runTag.slice(0, 2)}${serial}`;
    return JSON.stringify({
      stationId,
      source: 'party_application',
      receivedOn: '2026-11-02',
      disputeType: 'contract',
      tags: ['payment', 'quality'],
      amountInDispute: { amount: '86500.00', currency: 'USD' },
      account: {
        original: {
          language: 'ar',
          text: 'اشتريت 500 كرتونة من الأكواب الزجاجية، ووصلت 120 منها مكسورة، والمورد يرفض التعويض.',
        },
        translations: [
          {
            language: 'zh-CN',
            text: '我购买了500箱玻璃杯，其中120箱到货时破损，供应商拒绝赔偿。',
            translatedBy: '金城站翻译 李娜',
            checked: true,
          },
        ],
      },
      requests: {
        original: { language: 'ar', text: 'أطلب تعويضاً عن البضاعة المكسورة قدره 20,760 دولاراً.' },
        translations: [
          {
            language: 'zh-CN',
            text: '请求赔偿破损货物损失20,760美元。',
            translatedBy: '金城站翻译 李娜',
            checked: true,
          },
        ],
      },
      parties: [
        {
          role: 'applicant',
          person: {
            nameOriginal: 'أحمد الحسن',
            nameLatin: 'Ahmed Al-Hassan',
            sex: 'male',
            birthYear: 1985,
            nationality: 'YE',
            identityDocument: { type: 'passport', number: `B${runTag}${serial}`, country: 'YE' },
            phone: '+8613812345678',
            preferredLanguages: ['ar', 'en'],
            needsInterpreter: true,
            occupation: 'merchant',
          },
        },
        {
          role: 'respondent',
          organisation: {
            nameOriginal: `义乌市恒达日用品有限公司${runTag}${serial}`,
            nameLatin: 'Yiwu Hengda Daily Necessities Co., Ltd.',
            creditCode: base + creditCodeCheckCharacter(base),
            country: 'CN',
            legalRepresentative: '陈建国',
          },
        },
      ],
    });
  };
}
