import { EntityManager } from 'typeorm';
import { creditCodeCheckCharacter, residentIdCheckDigit } from '../cases/identity-checks';
import { RegisterCaseDto } from '../cases/dto/register-case.dto';

/**
 * Realistic demo disputes: foreign merchants at Yiwu's Jincheng station (Arabic, Russian, Korean,
 * Hindi and Urdu speakers against Chinese suppliers) and wage disputes of migrant workers from
 * Guizhou, Sichuan and Yunnan at Haining's Xishan committee. Identity numbers are made up but carry
 * valid check digits.
 */
const creditCode = (base: string) => base + creditCodeCheckCharacter(base);
const residentId = (first17: string) => first17 + residentIdCheckDigit(first17);

export type DemoCase = Omit<RegisterCaseDto, 'stationId'> & {
  station: 'YW-JC' | 'HN-XS';
  then: ('accepted' | 'notice' | 'panel' | 'withdrawn' | 'closed')[];
  /** For the 'panel' step: the lead and co-mediators, by their Latin names (demo-mediators.ts). */
  panel?: { lead: string; coMediators: string[] };
};

const supplier = (name: string, base: string, representative: string) => ({
  role: 'respondent' as const,
  organisation: {
    nameOriginal: name,
    creditCode: creditCode(base),
    country: 'CN',
    legalRepresentative: representative,
  },
});

const zh = (text: string) => ({
  language: 'zh-CN',
  text,
  translatedBy: '金城站翻译 李娜',
  checked: true,
});

export const DEMO_CASES: DemoCase[] = [
  {
    station: 'YW-JC',
    // Seated, so that the demo mediator account (Abdullah Bawazir) has a case to work on.
    then: ['accepted', 'notice', 'panel'],
    panel: { lead: 'Abdullah Bawazir', coMediators: ['Chen Weidong'] },
    source: 'party_application',
    receivedOn: '2026-11-03',
    disputeType: 'contract',
    tags: ['quality', 'payment'],
    amountInDispute: { amount: '86500.00', currency: 'USD' },
    account: {
      original: {
        language: 'ar',
        text: 'اشتريت 500 كرتونة من الأكواب الزجاجية، ووصلت 120 منها مكسورة، والمورد يرفض التعويض.',
      },
      translations: [zh('我购买了500箱玻璃杯，其中120箱到货时破损，供应商拒绝赔偿。')],
    },
    requests: {
      original: { language: 'ar', text: 'أطلب تعويضاً عن البضاعة المكسورة قدره 20,760 دولاراً.' },
      translations: [zh('请求赔偿破损货物损失20,760美元。')],
    },
    parties: [
      {
        role: 'applicant',
        person: {
          nameOriginal: 'أحمد الحسن',
          nameLatin: 'Ahmed Al-Hassan',
          sex: 'male',
          birthYear: 1984,
          nationality: 'YE',
          identityDocument: { type: 'passport', number: '07345128', country: 'YE' },
          phone: '+8613857912345',
          preferredLanguages: ['ar', 'en'],
          needsInterpreter: true,
          occupation: '外贸商人',
        },
      },
      supplier('义乌市恒达日用品有限公司', '91330782MA2A1B2C3', '陈建国'),
    ],
  },
  {
    station: 'YW-JC',
    then: ['accepted'],
    source: 'police_referral',
    receivedOn: '2026-11-10',
    disputeType: 'business_operation',
    tags: ['delivery', 'logistics'],
    amountInDispute: { amount: '1250000.00', currency: 'RUB' },
    account: {
      original: {
        language: 'ru',
        text: 'Я оплатил партию ёлочных игрушек, но поставщик отгрузил её на месяц позже, и я пропустил новогодний сезон.',
      },
      translations: [zh('我已支付一批圣诞装饰品货款，但供应商晚发货一个月，我错过了新年销售季。')],
    },
    requests: {
      original: { language: 'ru', text: 'Прошу вернуть 40% оплаты за просрочку.' },
      translations: [zh('请求因延迟发货退还40%货款。')],
    },
    risk: {
      escalationRisk: true,
      personsAtRisk: 3,
      policeReport: {
        reportedAt: '2026-11-09T20:15:00+08:00',
        policeStation: '义乌市公安局稠江派出所',
        officer: '周警官',
      },
    },
    parties: [
      {
        role: 'applicant',
        person: {
          nameOriginal: 'Иван Петров',
          nameLatin: 'Ivan Petrov',
          sex: 'male',
          birthYear: 1979,
          nationality: 'RU',
          identityDocument: { type: 'passport', number: '751234567', country: 'RU' },
          phone: '+79161234567',
          preferredLanguages: ['ru'],
          needsInterpreter: true,
        },
      },
      supplier('义乌市福瑞工艺品厂', '92330782MA2B3C4D5', '吴福瑞'),
    ],
  },
  {
    station: 'YW-JC',
    then: [],
    source: 'party_application',
    receivedOn: '2026-11-18',
    disputeType: 'contract',
    tags: ['counterfeit'],
    amountInDispute: { amount: '32000000', currency: 'KRW' },
    account: {
      original: {
        language: 'ko',
        text: '정품이라고 해서 화장품 용기를 주문했는데 상표가 위조된 제품이 왔습니다.',
      },
      translations: [zh('对方称是正品，我订购了化妆品容器，但收到的是假冒商标的产品。')],
    },
    requests: {
      original: { language: 'ko', text: '전액 환불과 반품 운송비를 요구합니다.' },
      translations: [zh('要求全额退款并承担退货运费。')],
    },
    parties: [
      {
        role: 'applicant',
        person: {
          nameOriginal: '김민준',
          nameLatin: 'Kim Minjun',
          sex: 'male',
          birthYear: 1988,
          nationality: 'KR',
          identityDocument: { type: 'passport', number: 'M12345678', country: 'KR' },
          phone: '+821012345678',
          preferredLanguages: ['ko', 'zh-CN'],
          needsInterpreter: false,
        },
      },
      supplier('义乌市美妆包装有限公司', '91330782MA2C4D5E6', '刘美华'),
    ],
  },
  {
    station: 'YW-JC',
    then: ['accepted', 'withdrawn', 'closed'],
    source: 'party_application',
    receivedOn: '2026-09-22',
    disputeType: 'housing_homestead',
    tags: ['tenancy', 'deposit'],
    amountInDispute: { amount: '9000.00', currency: 'CNY' },
    account: {
      original: {
        language: 'hi',
        text: 'मकान मालिक ने फ्लैट खाली करने के बाद भी मेरी 9,000 युआन की जमा राशि वापस नहीं की।',
      },
      translations: [zh('我退租后，房东一直不退还9,000元押金。')],
    },
    requests: {
      original: { language: 'hi', text: 'मेरी पूरी जमा राशि लौटाई जाए।' },
      translations: [zh('要求全额退还押金。')],
    },
    parties: [
      {
        role: 'applicant',
        person: {
          nameOriginal: 'राजेश कुमार',
          nameLatin: 'Rajesh Kumar',
          sex: 'male',
          birthYear: 1990,
          nationality: 'IN',
          identityDocument: { type: 'passport', number: 'Z4567890', country: 'IN' },
          phone: '+919812345678',
          preferredLanguages: ['hi', 'en'],
          needsInterpreter: true,
        },
      },
      {
        role: 'respondent',
        person: {
          nameOriginal: '王秀英',
          sex: 'female',
          birthYear: 1962,
          nationality: 'CN',
          homeRegionCode: '330782',
          identityDocument: { type: 'resident_id', number: residentId('33078219620315002') },
          phone: '+8613905791234',
          preferredLanguages: ['zh-CN'],
        },
      },
    ],
  },
  {
    station: 'YW-JC',
    then: ['notice'],
    source: 'party_application',
    receivedOn: '2026-11-21',
    disputeType: 'contract',
    tags: ['payment'],
    amountInDispute: { amount: '15400.00', currency: 'USD' },
    account: {
      original: {
        language: 'ur',
        text: 'میں نے کپڑوں کی دو کنٹینر کی ادائیگی کر دی، مگر سپلائر نے صرف ایک کنٹینر بھیجا۔',
      },
      translations: [zh('我已支付两个货柜服装的货款，但供应商只发了一个货柜。')],
    },
    requests: {
      original: { language: 'ur', text: 'دوسرا کنٹینر بھیجا جائے یا رقم واپس کی جائے۔' },
      translations: [zh('要求发出第二个货柜或退还货款。')],
    },
    parties: [
      {
        role: 'applicant',
        person: {
          nameOriginal: 'عمران خان بلوچ',
          nameLatin: 'Imran Khan Baloch',
          sex: 'male',
          birthYear: 1982,
          nationality: 'PK',
          identityDocument: { type: 'passport', number: 'AB1234567', country: 'PK' },
          phone: '+923001234567',
          preferredLanguages: ['ur', 'en'],
          needsInterpreter: true,
        },
      },
      supplier('义乌市锦程服饰有限公司', '91330782MA2D5E6F7', '郑锦程'),
    ],
  },
  {
    station: 'HN-XS',
    then: ['accepted', 'notice'],
    source: 'party_application',
    receivedOn: '2026-11-05',
    disputeType: 'labour',
    tags: ['wages'],
    amountInDispute: { amount: '18600.00', currency: 'CNY' },
    account: {
      original: {
        language: 'zh-CN',
        text: '我在皮革作坊做了三个月裁皮工，老板一直拖欠工资，共计18600元。',
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
          identityDocument: { type: 'resident_id', number: residentId('52050219900101123') },
          phone: '+8615285712345',
          preferredLanguages: ['zh-CN'],
        },
      },
      supplier('海宁市西山皮革加工厂', '92330481MA2E6F7G8', '沈国强'),
    ],
  },
  {
    station: 'HN-XS',
    then: ['accepted'],
    source: 'government_assignment',
    receivedOn: '2026-10-28',
    disputeType: 'labour',
    tags: ['wages', 'injury'],
    amountInDispute: { amount: '42000.00', currency: 'CNY' },
    account: {
      original: {
        language: 'zh-CN',
        text: '我在车间操作压皮机时压伤了手，老板只付了医药费，停工期间的工资不给。',
      },
      translations: [],
    },
    requests: {
      original: { language: 'zh-CN', text: '要求支付停工期间工资和后续治疗费用。' },
      translations: [],
    },
    parties: [
      {
        role: 'applicant',
        person: {
          nameOriginal: '阿说日格',
          sex: 'male',
          birthYear: 1995,
          nationality: 'CN',
          homeRegionCode: '513431',
          dialects: ['sichuanese'],
          ethnicGroup: '彝族',
          identityDocument: { type: 'resident_id', number: residentId('51343119950606201') },
          phone: '+8618783412345',
          preferredLanguages: ['zh-CN', 'ii'],
        },
      },
      supplier('海宁市丰达皮件有限公司', '91330481MA2F7G8H9', '沈丰达'),
    ],
  },
  {
    station: 'HN-XS',
    then: [],
    source: 'party_application',
    receivedOn: '2026-11-20',
    disputeType: 'neighbourhood',
    tags: [],
    account: {
      original: {
        language: 'zh-CN',
        text: '楼上邻居每天深夜在出租屋里用机器赶工做皮包，噪音很大，影响我家孩子休息。',
      },
      translations: [],
    },
    requests: {
      original: { language: 'zh-CN', text: '希望对方晚上十点以后停止加工。' },
      translations: [],
    },
    parties: [
      {
        role: 'applicant',
        person: {
          nameOriginal: '杨丽萍',
          sex: 'female',
          birthYear: 1987,
          nationality: 'CN',
          homeRegionCode: '530602',
          dialects: ['yunnan'],
          identityDocument: { type: 'resident_id', number: residentId('53060219870822342') },
          phone: '+8615987012345',
          preferredLanguages: ['zh-CN'],
        },
      },
      {
        role: 'respondent',
        person: {
          nameOriginal: '何建军',
          sex: 'male',
          birthYear: 1983,
          nationality: 'CN',
          homeRegionCode: '511302',
          dialects: ['sichuanese'],
          identityDocument: { type: 'resident_id', number: residentId('51130219830412561') },
          phone: '+8613990812345',
          preferredLanguages: ['zh-CN'],
        },
      },
    ],
  },
];

/** Registers the demo cases through the same code path as the API, inside the seeding transaction. */
export async function seedDemoCases(
  manager: EntityManager,
  stationIds: Map<string, string>,
  register: (manager: EntityManager, dto: RegisterCaseDto) => Promise<string>,
  then: (
    manager: EntityManager,
    caseId: string,
    step: DemoCase['then'][number],
    demo: DemoCase,
  ) => Promise<void>,
): Promise<void> {
  for (const demo of DEMO_CASES) {
    const { station, then: steps, panel: _panel, ...dto } = demo;
    const caseId = await register(manager, {
      ...dto,
      stationId: stationIds.get(station)!,
    } as RegisterCaseDto);
    for (const step of steps) await then(manager, caseId, step, demo);
  }
}
