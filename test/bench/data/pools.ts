/**
 * Reference pools the bulk data draws from: stations of several counties, foreign nationalities
 * with their languages and names, sending regions of migrant workers, texts of accounts. Made up,
 * in realistic shapes; the demo stations (YW-FDC, YW-JC, HN-XS) are part of the station set.
 */

export interface BenchStation {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'immigration_service_station' | 'mediation_committee';
  countyCode: string;
  address: string;
  caseNumberFormat: string;
  /** Relative share of cases. */
  weight: number;
  /** Share of cases with a foreign applicant. */
  foreignShare: number;
}

interface County {
  code: string;
  zh: string;
  en: string;
  abbr: string;
  prefix: string;
  stations: number;
  weight: number;
  foreignShare: number;
}

const COUNTIES: County[] = [
  {
    code: '330782',
    zh: '义乌市',
    en: 'Yiwu',
    abbr: '义',
    prefix: 'YW',
    stations: 13,
    weight: 3,
    foreignShare: 0.6,
  },
  {
    code: '330481',
    zh: '海宁市',
    en: 'Haining',
    abbr: '海',
    prefix: 'HN',
    stations: 7,
    weight: 1.5,
    foreignShare: 0.08,
  },
  {
    code: '330603',
    zh: '绍兴市柯桥区',
    en: 'Keqiao',
    abbr: '柯',
    prefix: 'KQ',
    stations: 6,
    weight: 1.5,
    foreignShare: 0.35,
  },
  {
    code: '330702',
    zh: '金华市婺城区',
    en: 'Wucheng',
    abbr: '婺',
    prefix: 'WC',
    stations: 4,
    weight: 1,
    foreignShare: 0.1,
  },
  {
    code: '330784',
    zh: '永康市',
    en: 'Yongkang',
    abbr: '永',
    prefix: 'YK',
    stations: 4,
    weight: 1,
    foreignShare: 0.12,
  },
  {
    code: '330783',
    zh: '东阳市',
    en: 'Dongyang',
    abbr: '东',
    prefix: 'DY',
    stations: 3,
    weight: 1,
    foreignShare: 0.05,
  },
  {
    code: '330483',
    zh: '桐乡市',
    en: 'Tongxiang',
    abbr: '桐',
    prefix: 'TX',
    stations: 3,
    weight: 1,
    foreignShare: 0.06,
  },
  {
    code: '330212',
    zh: '宁波市鄞州区',
    en: 'Yinzhou',
    abbr: '鄞',
    prefix: 'NB',
    stations: 4,
    weight: 1.2,
    foreignShare: 0.25,
  },
  {
    code: '330109',
    zh: '杭州市萧山区',
    en: 'Xiaoshan',
    abbr: '萧',
    prefix: 'XS',
    stations: 3,
    weight: 1.2,
    foreignShare: 0.15,
  },
];

/** The demo stations first (their rows come from the demo seeder), then the generated ones. */
export function benchStations(): BenchStation[] {
  const stations: BenchStation[] = [];
  for (const county of COUNTIES) {
    for (let n = 1; n <= county.stations; n++) {
      const committee = n % 4 === 1;
      stations.push({
        code: `${county.prefix}-${committee ? 'C' : 'S'}${String(n).padStart(2, '0')}`,
        nameZh: committee
          ? `${county.zh}第${n}人民调解委员会`
          : `${county.zh}第${n}社区移民事务服务站`,
        nameEn: committee
          ? `${county.en} People's Mediation Committee No. ${n}`
          : `${county.en} Community Immigration Service Station No. ${n}`,
        kind: committee ? 'mediation_committee' : 'immigration_service_station',
        countyCode: county.code,
        address: `浙江省${county.zh}第${n}社区`,
        caseNumberFormat: `（{year}）${county.abbr}${n}调字第{seq:5}号`,
        weight: county.weight / county.stations,
        foreignShare: county.foreignShare,
      });
    }
  }
  return stations;
}

export interface Nationality {
  code: string;
  languages: string[];
  currency: string;
  names: [string, string][];
}

export const NATIONALITIES: Nationality[] = [
  {
    code: 'YE',
    languages: ['ar', 'en'],
    currency: 'USD',
    names: [
      ['أحمد الحسن', 'Ahmed Al-Hassan'],
      ['محمد باوزير', 'Mohammed Bawazir'],
      ['علي العمري', 'Ali Al-Amri'],
    ],
  },
  {
    code: 'EG',
    languages: ['ar'],
    currency: 'USD',
    names: [
      ['محمود السيد', 'Mahmoud El-Sayed'],
      ['كريم حسن', 'Karim Hassan'],
    ],
  },
  {
    code: 'SY',
    languages: ['ar'],
    currency: 'USD',
    names: [
      ['عمر خليل', 'Omar Khalil'],
      ['سامر نجار', 'Samer Najjar'],
    ],
  },
  {
    code: 'IQ',
    languages: ['ar'],
    currency: 'USD',
    names: [['حيدر الجبوري', 'Haider Al-Jubouri']],
  },
  {
    code: 'AF',
    languages: ['fa', 'ps'],
    currency: 'USD',
    names: [
      ['احمد رحیمی', 'Ahmad Rahimi'],
      ['نجیب الله', 'Najibullah'],
    ],
  },
  {
    code: 'IR',
    languages: ['fa'],
    currency: 'USD',
    names: [
      ['رضا محمدی', 'Reza Mohammadi'],
      ['مریم کریمی', 'Maryam Karimi'],
    ],
  },
  {
    code: 'PK',
    languages: ['ur', 'en'],
    currency: 'USD',
    names: [
      ['عمران خان', 'Imran Khan'],
      ['فاطمہ بی بی', 'Fatima Bibi'],
    ],
  },
  {
    code: 'IN',
    languages: ['hi', 'en'],
    currency: 'USD',
    names: [
      ['राहुल शर्मा', 'Rahul Sharma'],
      ['प्रिया पटेल', 'Priya Patel'],
    ],
  },
  {
    code: 'RU',
    languages: ['ru'],
    currency: 'RUB',
    names: [
      ['Иван Петров', 'Ivan Petrov'],
      ['Ольга Смирнова', 'Olga Smirnova'],
    ],
  },
  {
    code: 'KZ',
    languages: ['ru', 'kk'],
    currency: 'USD',
    names: [['Асель Нурланова', 'Assel Nurlanova']],
  },
  {
    code: 'KR',
    languages: ['ko'],
    currency: 'KRW',
    names: [
      ['김민수', 'Kim Minsu'],
      ['이서연', 'Lee Seoyeon'],
    ],
  },
  {
    code: 'TR',
    languages: ['tr'],
    currency: 'USD',
    names: [
      ['Hüseyin Yılmaz', 'Huseyin Yilmaz'],
      ['Ayşe Demir', 'Ayse Demir'],
    ],
  },
  { code: 'FR', languages: ['fr'], currency: 'EUR', names: [['Jérôme Dubois', 'Jerome Dubois']] },
  {
    code: 'DZ',
    languages: ['ar', 'fr'],
    currency: 'USD',
    names: [['يوسف بن علي', 'Youcef Benali']],
  },
  { code: 'ES', languages: ['es'], currency: 'EUR', names: [['José García', 'Jose Garcia']] },
  {
    code: 'MX',
    languages: ['es'],
    currency: 'USD',
    names: [['María Hernández', 'Maria Hernandez']],
  },
  { code: 'BR', languages: ['pt'], currency: 'USD', names: [['João Silva', 'Joao Silva']] },
  {
    code: 'NG',
    languages: ['en'],
    currency: 'USD',
    names: [
      ['Chinedu Okafor', 'Chinedu Okafor'],
      ['Aisha Bello', 'Aisha Bello'],
    ],
  },
];

/** Sending regions of migrant workers (GB/T 2260 county codes) and their provinces. */
export const HOME_REGIONS = [
  '520502',
  '520521',
  '520522',
  '520525',
  '520526',
  '510107',
  '511621',
  '511623',
  '513401',
  '500101',
  '530102',
  '532301',
  '430102',
  '431102',
  '421102',
  '421182',
  '410102',
  '411302',
  '340102',
  '341202',
  '360102',
  '361102',
  '450102',
  '140105',
  '220102',
  '230102',
  '370102',
  '350102',
  '330782',
  '330481',
  '610102',
  '620102',
];

export const CHINESE_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
export const CHINESE_GIVEN = [
  '德明',
  '建国',
  '秀英',
  '丽',
  '芳',
  '伟',
  '强',
  '磊',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '光荣',
  '小红',
  '志强',
  '海燕',
  '玉兰',
  '国华',
  '春花',
  '文',
  '斌',
];
export const ETHNIC_GROUPS = ['彝族', '苗族', '布依族', '土家族', '侗族', '回族'];

export const ORG_PLACES = [
  '义乌市',
  '海宁市',
  '绍兴市柯桥区',
  '金华市',
  '永康市',
  '东阳市',
  '桐乡市',
  '宁波市',
  '杭州市',
];
export const ORG_BRANDS = [
  '恒达',
  '福瑞',
  '金盛',
  '华美',
  '鑫源',
  '宏图',
  '永兴',
  '天成',
  '佳和',
  '瑞丰',
  '嘉禾',
  '顺发',
  '万隆',
  '新世纪',
  '东方',
  '大华',
  '锦绣',
  '荣昌',
  '宝丰',
  '广源',
];
export const ORG_KINDS = [
  '日用品有限公司',
  '工艺品厂',
  '皮革加工厂',
  '服装有限公司',
  '五金制品厂',
  '电子商务有限公司',
  '物流有限公司',
  '饰品商行',
  '纺织有限公司',
  '建筑劳务有限公司',
];
export const OCCUPATIONS = [
  '外贸商人',
  '采购商',
  '工人',
  '店主',
  '司机',
  '厨师',
  '翻译',
  '建筑工人',
  '缝纫工',
  null,
];

/** An account and a request per language, with a checked Chinese translation when not Chinese. */
export const ACCOUNTS: Record<string, [string, string]> = {
  ar: [
    'اشتريت بضاعة ووصل جزء منها مكسوراً، والمورد يرفض التعويض.',
    'أطلب تعويضاً عن البضاعة المكسورة.',
  ],
  fa: [
    'کالا را خریدم اما بخشی از آن آسیب دیده رسید و فروشنده جبران نمی‌کند.',
    'درخواست جبران خسارت دارم.',
  ],
  ur: ['میں نے سامان خریدا لیکن اس کا کچھ حصہ ٹوٹا ہوا پہنچا۔', 'میں نقصان کا معاوضہ چاہتا ہوں۔'],
  hi: [
    'मैंने माल खरीदा लेकिन उसका कुछ हिस्सा टूटा हुआ पहुँचा।',
    'मैं नुकसान का मुआवज़ा चाहता हूँ।',
  ],
  ru: [
    'Я оплатил партию товара, но поставщик отгрузил её на месяц позже.',
    'Прошу вернуть часть оплаты за просрочку.',
  ],
  ko: [
    '물건 대금을 지불했지만 공급업체가 한 달 늦게 배송했습니다.',
    '지연에 대한 보상을 요청합니다.',
  ],
  tr: [
    'Malların bir kısmı kırık geldi ve tedarikçi tazminatı reddediyor.',
    'Kırık mallar için tazminat talep ediyorum.',
  ],
  fr: [
    "J'ai payé la marchandise mais le fournisseur l'a livrée avec un mois de retard.",
    'Je demande le remboursement partiel.',
  ],
  es: [
    'Pagué la mercancía pero el proveedor la envió con un mes de retraso.',
    'Solicito un reembolso parcial.',
  ],
  pt: [
    'Paguei a mercadoria, mas o fornecedor entregou com um mês de atraso.',
    'Peço reembolso parcial.',
  ],
  en: [
    'I paid for the goods but part of the shipment arrived damaged.',
    'I ask for compensation for the damaged goods.',
  ],
  'zh-CN': ['我在作坊做了三个月，老板一直拖欠工资。', '要求一次性付清拖欠的工资。'],
};
export const ACCOUNT_ZH: [string, string] = [
  '我购买的货物部分到货时破损，供应商拒绝赔偿。',
  '请求赔偿破损货物损失。',
];
