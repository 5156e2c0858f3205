/*
 * The report as translated tables: what the CSV, XLSX and PDF outputs and the JSON labels share,
 * so that every output shows the same figures under the same headings.
 */
import { fromMinorUnits } from '../common/money/money';
import { SupportedLanguage } from '../i18n/languages';
import { divisionName } from '../reference/administrative-divisions';
import { countryName } from '../reference/countries';
import { languageName } from '../reference/languages-of-the-world';
import { MoneyAmount } from './case-facts';
import {
  Breakdown,
  BREAKDOWNS,
  BreakdownRow,
  COUNT_MEASURES,
  CountMeasure,
  Measures,
  StatisticsReport,
} from './statistics-report';

export type Translate = (
  key: string,
  params?: Record<string, unknown>,
  lng?: SupportedLanguage,
) => string;

export interface StationName {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface TableRow {
  key: string;
  label: string;
  values: Record<CountMeasure, number | null>;
  moneyInDispute: string;
  moneyCovered: string;
}

export interface ReportTable {
  breakdown: Breakdown | 'total';
  title: string;
  /** Heading of the first column (the group), then the measures, then the two money columns. */
  keyHeader: string;
  measureHeaders: Record<CountMeasure, string>;
  moneyHeaders: { inDispute: string; covered: string };
  rows: TableRow[];
}

/** "CNY 18600.00; USD 86500.00": exact decimal strings, one per currency. */
export function moneyText(amounts: MoneyAmount[]): string {
  return amounts
    .map((a) => `${a.currency} ${fromMinorUnits(a.amountMinor, a.currency)}`)
    .join('; ');
}

export function rowLabel(
  breakdown: Breakdown,
  key: string,
  language: SupportedLanguage,
  t: Translate,
  stations: Map<string, StationName>,
): string {
  switch (breakdown) {
    case 'disputeType':
      return t(`reference:disputeType.${key}`, {}, language);
    case 'source':
      return t(`statistics:source.${key}`, {}, language);
    case 'mediatorKind':
      return t(`statistics:mediatorKind.${key}`, {}, language);
    case 'station': {
      const station = stations.get(key);
      if (!station) return key;
      return language === 'zh-CN' ? station.nameZh : station.nameEn;
    }
    case 'nationality':
      return countryName(key, language);
    case 'homeProvince':
      return divisionName(key, language);
    case 'language':
      return languageName(key, language);
    case 'month':
      return key;
  }
}

const valuesOf = (m: Measures) =>
  Object.fromEntries(COUNT_MEASURES.map((k) => [k, m[k]])) as Record<CountMeasure, number | null>;

export function reportTables(
  report: StatisticsReport,
  language: SupportedLanguage,
  t: Translate,
  stations: Map<string, StationName>,
): ReportTable[] {
  const measureHeaders = Object.fromEntries(
    COUNT_MEASURES.map((k) => [k, t(`statistics:measure.${k}`, {}, language)]),
  ) as Record<CountMeasure, string>;
  const moneyHeaders = {
    inDispute: t('statistics:measure.moneyInDispute', {}, language),
    covered: t('statistics:measure.moneyCovered', {}, language),
  };
  const row = (key: string, label: string, m: Measures | BreakdownRow): TableRow => ({
    key,
    label,
    values: valuesOf(m),
    moneyInDispute: moneyText(m.moneyInDispute),
    moneyCovered: moneyText(m.moneyCovered),
  });
  const total: ReportTable = {
    breakdown: 'total',
    title: t('statistics:breakdown.total', {}, language),
    keyHeader: t('statistics:column.scope', {}, language),
    measureHeaders,
    moneyHeaders,
    rows: [row('total', t('statistics:breakdown.total', {}, language), report.totals)],
  };
  return [
    total,
    ...BREAKDOWNS.map((b) => ({
      breakdown: b,
      title: t(`statistics:breakdown.${b}`, {}, language),
      keyHeader: t(`statistics:breakdown.${b}`, {}, language),
      measureHeaders,
      moneyHeaders,
      rows: report.breakdowns[b].map((r) =>
        row(r.key, rowLabel(b, r.key, language, t, stations), r),
      ),
    })),
  ];
}
