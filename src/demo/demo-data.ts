import { Role } from '../auth/roles';
import { StationKind } from '../stations/station.entity';

export interface DemoStation {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: StationKind;
  countyCode: string;
  address: string;
  parentCode?: string;
  caseNumberFormat: string;
}

// Committees come before the stations that sit under them.
export const DEMO_STATIONS: DemoStation[] = [
  {
    code: 'YW-FDC',
    nameZh: '义乌市涉外纠纷人民调解委员会',
    nameEn: "Yiwu Foreign-Related Dispute People's Mediation Committee",
    kind: 'mediation_committee',
    countyCode: '330782',
    address: '浙江省义乌市稠城街道',
    caseNumberFormat: '（{year}）义涉外调字第{seq:4}号',
  },
  {
    code: 'YW-JC',
    nameZh: '义乌市金城社区移民事务服务站',
    nameEn: 'Yiwu Jincheng Community Immigration Service Station',
    kind: 'immigration_service_station',
    countyCode: '330782',
    address: '浙江省义乌市稠江街道金城社区',
    parentCode: 'YW-FDC',
    caseNumberFormat: '（{year}）义金外调字第{seq:4}号',
  },
  {
    code: 'HN-XS',
    nameZh: '海宁市海洲街道潮乡家园人民调解委员会',
    nameEn: "Chaoxiang Jiayuan People's Mediation Committee, Xishan Community, Haining",
    kind: 'mediation_committee',
    countyCode: '330481',
    address: '浙江省海宁市海洲街道西山社区',
    caseNumberFormat: '（{year}）海西调字第{seq:4}号',
  },
];

export interface DemoUser {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  stationCode?: string;
  countyCode?: string;
  preferredLanguage: string;
}

/** Listed in the README. Never use these passwords outside a demo. */
export const DEMO_USERS: DemoUser[] = [
  {
    username: 'clerk.jincheng',
    password: 'Clerk!2026jc',
    displayName: '王丽（金城站）',
    role: 'clerk',
    stationCode: 'YW-JC',
    preferredLanguage: 'zh-CN',
  },
  {
    username: 'clerk.xishan',
    password: 'Clerk!2026xs',
    displayName: '陈芳（西山）',
    role: 'clerk',
    stationCode: 'HN-XS',
    preferredLanguage: 'zh-CN',
  },
  {
    username: 'bureau.yiwu',
    password: 'Bureau!2026yw',
    displayName: '义乌市司法局',
    role: 'bureau',
    countyCode: '330782',
    preferredLanguage: 'zh-CN',
  },
  {
    username: 'bureau.jiaxing',
    password: 'Bureau!2026jx',
    displayName: '嘉兴市司法局',
    role: 'bureau',
    countyCode: '330400',
    preferredLanguage: 'zh-CN',
  },
];
