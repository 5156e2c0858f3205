/**
 * Chinese dialects of the main sending regions, keyed by the GB/T 2260 prefixes where they are
 * spoken. Native-place mediation (乡音娘舅) matches a migrant worker with a mediator who speaks
 * the same one. Names in every locale are in locales/<lng>/reference.json under `dialect.<code>`.
 */
export interface Dialect {
  code: string;
  /** The language family tag it belongs to (BCP 47 / ISO 639-3 for Chinese varieties). */
  family: 'cmn' | 'wuu' | 'yue' | 'nan' | 'hak' | 'hsn' | 'gan' | 'cjy';
  /** Province (2 digits) or prefecture (4 digits) code prefixes where it is the local speech. */
  regionPrefixes: string[];
}

export const DIALECTS: readonly Dialect[] = [
  { code: 'sichuanese', family: 'cmn', regionPrefixes: ['51', '50'] },
  { code: 'guizhou', family: 'cmn', regionPrefixes: ['52'] },
  { code: 'yunnan', family: 'cmn', regionPrefixes: ['53'] },
  { code: 'hubei', family: 'cmn', regionPrefixes: ['42'] },
  { code: 'zhongyuan', family: 'cmn', regionPrefixes: ['41', '61'] },
  { code: 'northeastern', family: 'cmn', regionPrefixes: ['21', '22', '23'] },
  { code: 'jilu', family: 'cmn', regionPrefixes: ['37', '13'] },
  { code: 'jianghuai', family: 'cmn', regionPrefixes: ['34', '32'] },
  {
    code: 'wu_taihu',
    family: 'wuu',
    regionPrefixes: ['3304', '3305', '3301', '3306', '31', '3205'],
  },
  { code: 'wu_other', family: 'wuu', regionPrefixes: ['33'] },
  { code: 'cantonese', family: 'yue', regionPrefixes: ['44', '45'] },
  { code: 'hokkien', family: 'nan', regionPrefixes: ['35'] },
  { code: 'hakka', family: 'hak', regionPrefixes: ['3608', '3607', '4414', '4416'] },
  { code: 'xiang', family: 'hsn', regionPrefixes: ['43'] },
  { code: 'gan', family: 'gan', regionPrefixes: ['36'] },
  { code: 'jin', family: 'cjy', regionPrefixes: ['14'] },
];

const BY_CODE = new Map(DIALECTS.map((d) => [d.code, d]));

export function isDialectCode(value: unknown): value is string {
  return typeof value === 'string' && BY_CODE.has(value);
}

/** Dialects spoken where a region code lies, most specific prefix first. */
export function dialectsOfRegion(regionCode: string): Dialect[] {
  return DIALECTS.filter((d) => d.regionPrefixes.some((p) => regionCode.startsWith(p))).sort(
    (a, b) =>
      Math.max(...b.regionPrefixes.filter((p) => regionCode.startsWith(p)).map((p) => p.length)) -
      Math.max(...a.regionPrefixes.filter((p) => regionCode.startsWith(p)).map((p) => p.length)),
  );
}
