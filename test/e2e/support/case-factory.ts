import { creditCodeCheckCharacter, residentIdCheckDigit } from '../../../src/cases/identity-checks';

/** A valid GB 11643 resident ID for a region, birth date and serial. */
export function residentId(region = '520502', birth = '19900101', serial = '123'): string {
  const first17 = `${region}${birth}${serial}`;
  return first17 + residentIdCheckDigit(first17);
}

/** A valid GB 32100 credit code from a 17-character base. */
export function creditCode(base = '91330782MA2A1B2C3'): string {
  return base + creditCodeCheckCharacter(base);
}

let counter = 0;
// Distinct within a test process: a random start, then counting up.
let sequence = Math.floor(Math.random() * 5_000_000);
const nextDigits = () => String(sequence++).padStart(7, '0');
const unique = () =>
  `${Date.now().toString(36).toUpperCase()}${(counter++).toString(36).toUpperCase()}`.slice(-8);

/** The body of a registration: an Arabic-speaking Yemeni merchant against a Chinese supplier. */
export function yemeniMerchantCase(stationId: string, overrides: Record<string, unknown> = {}) {
  const serial = Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0');
  return {
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
          identityDocument: { type: 'passport', number: `YE${serial}`, country: 'YE' },
          phone: '+8613812345678',
          preferredLanguages: ['ar', 'en'],
          needsInterpreter: true,
          occupation: 'merchant',
        },
      },
      {
        role: 'respondent',
        organisation: {
          nameOriginal: `义乌市恒达日用品有限公司${unique()}`,
          nameLatin: 'Yiwu Hengda Daily Necessities Co., Ltd.',
          creditCode: creditCode(`91330782MA${nextDigits()}`),
          country: 'CN',
          legalRepresentative: '陈建国',
        },
      },
    ],
    ...overrides,
  };
}

/** A wage dispute of a migrant worker from Bijie, Guizhou, against a Haining leather workshop. */
/**
 * An agreement draft for yemeniMerchantCase: clauses from the library plus free text with checked
 * Chinese and Arabic versions.
 */
export function yemeniAgreementDraft(overrides: Record<string, unknown> = {}) {
  const both = (zh: string, ar: string, checked = true) => ({
    original: { language: 'zh-CN', text: zh },
    translations: [{ language: 'ar', text: ar, translatedBy: '金城站翻译 李娜', checked }],
  });
  return {
    facts: both(
      '申请人向被申请人购买玻璃杯500箱，到货时120箱破损。',
      'اشترى مقدم الطلب 500 كرتونة من الأكواب الزجاجية من المدعى عليه، ووصلت 120 منها مكسورة.',
    ),
    mattersInDispute: both('破损货物的赔偿金额。', 'مقدار التعويض عن البضاعة المكسورة.'),
    responsibilities: both(
      '被申请人对包装不当造成的破损承担责任。',
      'يتحمل المدعى عليه مسؤولية الكسر الناتج عن سوء التغليف.',
    ),
    terms: [
      {
        kind: 'clause',
        clause: 'lump_sum_payment',
        params: {
          payer: 'respondent:1',
          payee: 'applicant:1',
          amount: { amount: '20760.00', currency: 'USD' },
          dueDate: '2026-12-15',
          method: 'bank_transfer',
        },
      },
      { kind: 'clause', clause: 'waiver_of_claims', params: {} },
      { kind: 'clause', clause: 'chinese_text_prevails', params: {} },
    ],
    performance: {
      method: both('银行转账', 'تحويل مصرفي'),
      place: both('浙江省义乌市', 'مدينة ييوو، مقاطعة تشجيانغ'),
      deadline: '2026-12-15',
    },
    copies: 3,
    mediators: [{ name: 'عبد الله باوزير' }, { name: '王建华' }],
    ...overrides,
  };
}

export function bijieWageCase(stationId: string, overrides: Record<string, unknown> = {}) {
  return {
    stationId,
    source: 'party_application',
    receivedOn: '2026-10-15',
    disputeType: 'labour',
    tags: ['wages'],
    amountInDispute: { amount: '18600.00', currency: 'CNY' },
    account: {
      original: {
        language: 'zh-CN',
        text: '我在皮革作坊做了三个月，老板一直拖欠工资，共计18600元。',
      },
      translations: [],
    },
    requests: {
      original: { language: 'zh-CN', text: '要求老板一次性付清拖欠的工资。' },
      translations: [],
    },
    parties: [
      {
        role: 'applicant',
        person: {
          nameOriginal: '龙德明',
          sex: 'male',
          birthYear: 1990,
          nationality: 'CN',
          homeRegionCode: '520502',
          dialects: ['guizhou'],
          ethnicGroup: '彝族',
          identityDocument: { type: 'resident_id', number: randomResidentId('520502') },
          preferredLanguages: ['zh-CN'],
        },
      },
      {
        role: 'respondent',
        organisation: {
          nameOriginal: `海宁市西山皮革加工厂${unique()}`,
          creditCode: creditCode(`92330481MA${nextDigits()}`),
          country: 'CN',
          legalRepresentative: '沈国强',
        },
      },
    ],
    ...overrides,
  };
}

/** A valid resident ID with a random birth date and serial, so repeated registrations never collide. */
export function randomResidentId(region: string): string {
  const day = new Date(Date.UTC(1970, 0, 1) + Math.floor(Math.random() * 12000) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replace(/-/g, '');
  return residentId(region, birth, String(Math.floor(Math.random() * 1000)).padStart(3, '0'));
}

interface Requests {
  post(path: string): import('supertest').Test;
  get(path: string): import('supertest').Test;
  put(path: string): import('supertest').Test;
}

/** Registers a case, accepts it and seats the panel the suggestions propose: the case is mediating. */
export async function mediatingCase(
  api: Requests,
  body: Record<string, unknown>,
): Promise<{ id: string; caseNumber: string; parties: { id: string; role: string }[] }> {
  const created = (await api.post('/api/v1/cases').send(body).expect(201)).body;
  await api.post(`/api/v1/cases/${created.id}/transitions`).send({ to: 'accepted' }).expect(200);
  const suggestions = (
    await api.get(`/api/v1/cases/${created.id}/mediator-suggestions`).expect(200)
  ).body;
  const seats = suggestions.proposal.seats as { mediatorId: string; role: string }[];
  await api
    .put(`/api/v1/cases/${created.id}/panel`)
    .send({
      leadId: seats.find((s) => s.role === 'lead')!.mediatorId,
      coMediatorIds: seats.filter((s) => s.role === 'co_mediator').map((s) => s.mediatorId),
      interpreterIds: seats.filter((s) => s.role === 'interpreter').map((s) => s.mediatorId),
    })
    .expect(200);
  return created;
}
