import * as bcrypt from 'bcryptjs';
import { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { BCRYPT_ROUNDS } from '../auth/auth.service';
import { User } from '../auth/user.entity';
import { MediatorStation } from '../mediators/mediator-station.entity';
import {
  LanguageLevel,
  languageCodesOf,
  Mediator,
  MediatorKind,
  MediatorRole,
} from '../mediators/mediator.entity';
import { DisputeType } from '../reference/dispute-types';

/**
 * Demo mediators: Yiwu's foreign mediators and staff (以外调外) at Jincheng and the committee, and
 * Haining Xishan's native-place mediators (乡音娘舅) from Guizhou, Sichuan and Yunnan. Names are
 * made up. The account mediator.jincheng (README) is linked to the Yemeni mediator.
 */
interface DemoMediator {
  kind: MediatorKind;
  roles?: MediatorRole[];
  nameOriginal: string;
  nameLatin?: string;
  nameZh?: string;
  sex: 'female' | 'male';
  nationality: string;
  languages: [string, LanguageLevel][];
  homeRegionCode?: string;
  dialects?: string[];
  specialties: DisputeType[];
  stations: ('YW-JC' | 'YW-FDC' | 'HN-XS')[];
  capacity: number;
}

const YIWU: DemoMediator['stations'] = ['YW-JC', 'YW-FDC'];
const TRADE: DisputeType[] = ['contract', 'business_operation'];
const WAGES: DisputeType[] = ['labour', 'damages'];
const zhNative: [string, LanguageLevel] = ['zh-CN', 'native'];

export const DEMO_MEDIATORS: DemoMediator[] = [
  {
    kind: 'foreign',
    nameOriginal: 'عبد الله باوزير',
    nameLatin: 'Abdullah Bawazir',
    nameZh: '阿卜杜拉',
    sex: 'male',
    nationality: 'YE',
    languages: [
      ['ar', 'native'],
      ['en', 'fluent'],
      ['zh-CN', 'working'],
    ],
    specialties: TRADE,
    stations: YIWU,
    capacity: 6,
  },
  {
    kind: 'foreign',
    nameOriginal: 'محمد السيد',
    nameLatin: 'Mohamed El-Sayed',
    nameZh: '穆罕默德',
    sex: 'male',
    nationality: 'EG',
    languages: [
      ['ar', 'native'],
      ['en', 'fluent'],
      ['fr', 'working'],
    ],
    specialties: [...TRADE, 'consumer'],
    stations: YIWU,
    capacity: 5,
  },
  {
    kind: 'foreign',
    nameOriginal: 'Ирина Ковалёва',
    nameLatin: 'Irina Kovaleva',
    nameZh: '伊琳娜',
    sex: 'female',
    nationality: 'RU',
    languages: [
      ['ru', 'native'],
      ['en', 'fluent'],
      ['zh-CN', 'fluent'],
    ],
    specialties: TRADE,
    stations: YIWU,
    capacity: 6,
  },
  {
    kind: 'foreign',
    nameOriginal: 'Ерлан Сейтжанов',
    nameLatin: 'Yerlan Seitzhanov',
    nameZh: '叶尔兰',
    sex: 'male',
    nationality: 'KZ',
    languages: [
      ['kk', 'native'],
      ['ru', 'native'],
      ['zh-CN', 'working'],
    ],
    specialties: ['contract', 'housing_homestead'],
    stations: YIWU,
    capacity: 4,
  },
  {
    kind: 'foreign',
    nameOriginal: '김민준',
    nameLatin: 'Kim Min-jun',
    nameZh: '金敏俊',
    sex: 'male',
    nationality: 'KR',
    languages: [
      ['ko', 'native'],
      ['zh-CN', 'fluent'],
      ['en', 'working'],
    ],
    specialties: TRADE,
    stations: YIWU,
    capacity: 5,
  },
  {
    kind: 'foreign',
    nameOriginal: 'राजेश शर्मा',
    nameLatin: 'Rajesh Sharma',
    nameZh: '拉杰什',
    sex: 'male',
    nationality: 'IN',
    languages: [
      ['hi', 'native'],
      ['en', 'fluent'],
    ],
    specialties: TRADE,
    stations: YIWU,
    capacity: 5,
  },
  {
    kind: 'foreign',
    nameOriginal: 'عمران قریشی',
    nameLatin: 'Imran Qureshi',
    nameZh: '伊姆兰',
    sex: 'male',
    nationality: 'PK',
    languages: [
      ['ur', 'native'],
      ['en', 'fluent'],
      ['pa', 'fluent'],
    ],
    specialties: TRADE,
    stations: YIWU,
    capacity: 5,
  },
  {
    kind: 'foreign',
    nameOriginal: 'مریم رضایی',
    nameLatin: 'Maryam Rezaei',
    nameZh: '玛丽亚姆',
    sex: 'female',
    nationality: 'IR',
    languages: [
      ['fa', 'native'],
      ['en', 'fluent'],
      ['ar', 'working'],
    ],
    specialties: ['contract', 'neighbourhood'],
    stations: YIWU,
    capacity: 4,
  },
  {
    kind: 'foreign',
    nameOriginal: 'Mehmet Yılmaz',
    nameZh: '穆罕默德·耶尔马兹',
    sex: 'male',
    nationality: 'TR',
    languages: [
      ['tr', 'native'],
      ['en', 'fluent'],
      ['ar', 'working'],
    ],
    specialties: TRADE,
    stations: YIWU,
    capacity: 5,
  },
  {
    kind: 'staff',
    nameOriginal: '陈卫东',
    nameLatin: 'Chen Weidong',
    sex: 'male',
    nationality: 'CN',
    languages: [zhNative, ['en', 'working']],
    specialties: TRADE,
    stations: YIWU,
    capacity: 10,
  },
  {
    kind: 'staff',
    nameOriginal: '楼晓燕',
    nameLatin: 'Lou Xiaoyan',
    sex: 'female',
    nationality: 'CN',
    languages: [zhNative, ['en', 'working']],
    specialties: ['contract', 'consumer', 'housing_homestead'],
    stations: YIWU,
    capacity: 10,
  },
  {
    kind: 'lawyer',
    nameOriginal: '吴志刚',
    nameLatin: 'Wu Zhigang',
    sex: 'male',
    nationality: 'CN',
    languages: [zhNative, ['en', 'fluent']],
    specialties: ['contract', 'damages'],
    stations: ['YW-FDC'],
    capacity: 4,
  },
  {
    kind: 'volunteer',
    roles: ['interpreter'],
    nameOriginal: 'فاطمہ ملک',
    nameLatin: 'Fatima Malik',
    nameZh: '法蒂玛',
    sex: 'female',
    nationality: 'PK',
    languages: [
      ['ur', 'native'],
      ['ar', 'fluent'],
      ['en', 'fluent'],
      ['zh-CN', 'fluent'],
    ],
    specialties: [],
    stations: YIWU,
    capacity: 8,
  },
  {
    kind: 'native_place',
    nameOriginal: '龙光荣',
    sex: 'male',
    nationality: 'CN',
    languages: [zhNative],
    homeRegionCode: '520502',
    dialects: ['guizhou'],
    specialties: WAGES,
    stations: ['HN-XS'],
    capacity: 5,
  },
  {
    kind: 'native_place',
    nameOriginal: '禄春花',
    sex: 'female',
    nationality: 'CN',
    languages: [zhNative],
    homeRegionCode: '520526',
    dialects: ['guizhou'],
    specialties: [...WAGES, 'marriage_family'],
    stations: ['HN-XS'],
    capacity: 4,
  },
  {
    kind: 'native_place',
    nameOriginal: '杨德富',
    sex: 'male',
    nationality: 'CN',
    languages: [zhNative],
    homeRegionCode: '520302',
    dialects: ['guizhou'],
    specialties: WAGES,
    stations: ['HN-XS'],
    capacity: 5,
  },
  {
    kind: 'native_place',
    nameOriginal: '吉克阿依',
    sex: 'female',
    nationality: 'CN',
    languages: [zhNative, ['ii', 'native']],
    homeRegionCode: '513431',
    dialects: ['sichuanese'],
    specialties: ['labour', 'neighbourhood'],
    stations: ['HN-XS'],
    capacity: 4,
  },
  {
    kind: 'native_place',
    nameOriginal: '蒲建国',
    sex: 'male',
    nationality: 'CN',
    languages: [zhNative],
    homeRegionCode: '511321',
    dialects: ['sichuanese'],
    specialties: WAGES,
    stations: ['HN-XS'],
    capacity: 5,
  },
  {
    kind: 'native_place',
    nameOriginal: '陶正兴',
    sex: 'male',
    nationality: 'CN',
    languages: [zhNative],
    homeRegionCode: '530602',
    dialects: ['yunnan'],
    specialties: WAGES,
    stations: ['HN-XS'],
    capacity: 5,
  },
  {
    kind: 'staff',
    nameOriginal: '沈美娟',
    sex: 'female',
    nationality: 'CN',
    languages: [zhNative],
    homeRegionCode: '330481',
    dialects: ['wu_taihu'],
    specialties: ['labour', 'neighbourhood', 'property_management'],
    stations: ['HN-XS'],
    capacity: 10,
  },
];

export const DEMO_MEDIATOR_ACCOUNT = {
  username: 'mediator.jincheng',
  password: 'Mediator!2026jc',
  displayName: 'Abdullah Bawazir（金城站外籍调解员）',
  linkedTo: 'Abdullah Bawazir',
};

export async function seedDemoMediators(
  manager: EntityManager,
  stationIds: Map<string, string>,
  audit: AuditTrail,
): Promise<Map<string, string>> {
  const idsByLatin = new Map<string, string>();
  for (const demo of DEMO_MEDIATORS) {
    const languages = demo.languages.map(([tag, level]) => ({ tag, level }));
    const mediator = manager.getRepository(Mediator).create({
      kind: demo.kind,
      roles: demo.roles ?? ['mediator'],
      nameOriginal: demo.nameOriginal,
      nameLatin: demo.nameLatin ?? null,
      nameZh: demo.nameZh ?? null,
      sex: demo.sex,
      nationality: demo.nationality,
      languages,
      languageCodes: languageCodesOf(languages),
      homeRegionCode: demo.homeRegionCode ?? null,
      dialects: demo.dialects ?? [],
      specialties: demo.specialties,
      capacity: demo.capacity,
      status: 'active',
    });
    await manager.getRepository(Mediator).insert(mediator);
    for (const code of demo.stations)
      await manager
        .getRepository(MediatorStation)
        .insert({ stationId: stationIds.get(code)!, mediatorId: mediator.id });
    await audit.record(manager, {
      action: 'mediator.created',
      entityType: 'mediator',
      entityId: mediator.id,
      summary: { kind: demo.kind, demo: true },
    });
    if (demo.nameLatin) idsByLatin.set(demo.nameLatin, mediator.id);
  }
  const user = manager.getRepository(User).create({
    username: DEMO_MEDIATOR_ACCOUNT.username,
    displayName: DEMO_MEDIATOR_ACCOUNT.displayName,
    passwordHash: await bcrypt.hash(DEMO_MEDIATOR_ACCOUNT.password, BCRYPT_ROUNDS),
    role: 'mediator',
    stationId: null,
    mediatorId: idsByLatin.get(DEMO_MEDIATOR_ACCOUNT.linkedTo)!,
    countyCode: null,
    preferredLanguage: 'ar',
  });
  await manager.getRepository(User).insert(user);
  await audit.record(manager, {
    action: 'user.created',
    entityType: 'user',
    entityId: user.id,
    summary: { role: 'mediator', demo: true },
  });
  return idsByLatin;
}
