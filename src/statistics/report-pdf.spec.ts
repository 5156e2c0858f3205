import { getI18n } from '../i18n/i18n.service';
import { SupportedLanguage } from '../i18n/languages';
import { CaseFacts } from './case-facts';
import { niceScale } from './pdf-charts';
import { Translate } from './report-table';
import { chinaTimestamp, formatMeasure, reportPdf } from './report-pdf';
import { namedPeriod } from './statistics-period';
import { buildReport } from './statistics-report';

const i18n = getI18n();
const t: Translate = (key, params = {}, lng) => i18n.t(key, { ...params, lng }) as string;

const facts = (n: number): CaseFacts[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    stationId: 'st-1',
    source: 'party_application',
    disputeType: i % 3 ? 'contract' : 'labour',
    riskOfEscalation: false,
    personsAtRisk: 0,
    amount: { currency: 'CNY', amountMinor: BigInt(100_000 * (i + 1)) },
    acceptedAt: new Date(Date.UTC(2026, 9, 2 + i)),
    outcome:
      i % 2 ? { state: 'agreement_reached', at: new Date(Date.UTC(2026, 10, 5 + (i % 20))) } : null,
    performance: null,
    foreignNationalities: i % 4 ? ['YE'] : ['AF'],
    homeProvinces: i % 5 ? [] : ['520000'],
    mediatorKinds: ['staff'],
    languages: ['ar'],
    effectiveAgreement: null,
    confirmationAppliedOn: null,
  }));

const input = (language: SupportedLanguage, generatedAt: Date) => ({
  report: buildReport(facts(30), namedPeriod('2026-Q4')!),
  stations: new Map(),
  language,
  t,
  scope: 'Yiwu',
  generatedAt,
});

describe('report PDF', () => {
  it('gives the same bytes for the same input, and other bytes for another generation time', async () => {
    const at = new Date('2026-12-01T02:30:00Z');
    const first = await reportPdf(input('ar', at));
    const second = await reportPdf(input('ar', at));
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(second)).toBe(true);
    const later = await reportPdf(input('ar', new Date('2026-12-01T02:31:00Z')));
    expect(later.equals(first)).toBe(false);
  }, 60_000);

  it('prints figures as the exports do: counts, the rate in percent, days to 1 decimal', () => {
    expect(formatMeasure('accepted', 1234)).toBe('1234');
    expect(formatMeasure('successRate', 0.5)).toBe('50.00%');
    expect(formatMeasure('successRate', 0.6667)).toBe('66.67%');
    expect(formatMeasure('successRate', null)).toBe('—');
    expect(formatMeasure('medianDaysToOutcome', 11)).toBe('11.0');
    expect(chinaTimestamp(new Date('2026-11-30T16:05:00Z'))).toBe('2026-12-01 00:05 (UTC+8)');
  });

  it('scales axes to 1, 2 or 5 times a power of ten', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1 });
    expect(niceScale(3)).toEqual({ max: 3, step: 1 });
    expect(niceScale(37)).toEqual({ max: 40, step: 10 });
    expect(niceScale(38_412)).toEqual({ max: 40_000, step: 10_000 });
    expect(niceScale(121)).toEqual({ max: 150, step: 50 });
  });
});
