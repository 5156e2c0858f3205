import { readFileSync } from 'fs';
import { STATISTICS_DEFINITIONS } from './definitions';
import { CaseFacts } from './case-facts';
import { buildReport, measure, median, percentile, sumMoney } from './statistics-report';
import { monthsOf, namedPeriod } from './statistics-period';

/*
 * Scenario: seven cases around November 2026 at one station. Every figure below is worked out by
 * hand from the dates (China time is UTC+8: November runs 2026-10-31T16:00Z .. 2026-11-30T16:00Z).
 */
const at = (iso: string) => new Date(iso);
const base = (id: string, over: Partial<CaseFacts>): CaseFacts => ({
  id,
  stationId: 'st-1',
  source: 'party_application',
  disputeType: 'contract',
  riskOfEscalation: false,
  personsAtRisk: 0,
  amount: null,
  acceptedAt: null,
  outcome: null,
  performance: null,
  foreignNationalities: [],
  homeProvinces: [],
  mediatorKinds: [],
  languages: [],
  effectiveAgreement: null,
  confirmationAppliedOn: null,
  ...over,
});

const CASES: CaseFacts[] = [
  // A: accepted in October, settled in November (14 days), at risk of escalation (12 persons).
  base('A', {
    disputeType: 'contract',
    riskOfEscalation: true,
    personsAtRisk: 12,
    amount: { currency: 'USD', amountMinor: 8_650_000n },
    acceptedAt: at('2026-10-20T02:00:00Z'),
    outcome: { state: 'agreement_reached', at: at('2026-11-03T02:00:00Z') },
    foreignNationalities: ['YE'],
    mediatorKinds: ['foreign', 'staff'],
    languages: ['ar'],
    effectiveAgreement: {
      effectiveAt: at('2026-11-04T03:00:00Z'),
      amounts: [
        { currency: 'USD', amountMinor: 2_000_000n },
        { currency: 'CNY', amountMinor: 500_000n },
      ],
    },
    confirmationAppliedOn: '2026-11-10',
  }),
  // B: accepted and withdrawn in November (10 days).
  base('B', {
    disputeType: 'labour',
    amount: { currency: 'CNY', amountMinor: 1_860_000n },
    acceptedAt: at('2026-11-02T01:00:00Z'),
    outcome: { state: 'withdrawn', at: at('2026-11-12T01:00:00Z') },
    homeProvinces: ['520000'],
    languages: ['zh-CN'],
  }),
  // C: accepted 1 October, never concluded: overdue at the end of October and of November.
  base('C', {
    disputeType: 'labour',
    source: 'police_referral',
    amount: { currency: 'CNY', amountMinor: 100_000n },
    acceptedAt: at('2026-10-01T00:00:00Z'),
    homeProvinces: ['520000', '510000'],
    languages: ['zh-CN'],
  }),
  // D: accepted and terminated in November (20.5 days).
  base('D', {
    amount: { currency: 'EUR', amountMinor: 300_000n },
    acceptedAt: at('2026-11-05T00:00:00Z'),
    outcome: { state: 'terminated', at: at('2026-11-25T12:00:00Z') },
    foreignNationalities: ['YE', 'SY'],
    mediatorKinds: ['foreign'],
    languages: ['ar', 'en'],
  }),
  // E: declined at registration in November; never accepted.
  base('E', {
    disputeType: 'other',
    outcome: { state: 'declined', at: at('2026-11-06T00:00:00Z') },
  }),
  // F: accepted 1 November 08:00 China time, agreement the same day (0.5 days), performed.
  base('F', {
    disputeType: 'business_operation',
    amount: { currency: 'USD', amountMinor: 150_000n },
    acceptedAt: at('2026-11-01T00:00:00Z'),
    outcome: { state: 'agreement_reached', at: at('2026-11-01T12:00:00Z') },
    performance: { state: 'performed', at: at('2026-11-20T00:00:00Z') },
    effectiveAgreement: {
      effectiveAt: at('2026-11-01T12:00:00Z'),
      amounts: [{ currency: 'USD', amountMinor: 150_000n }],
    },
  }),
  // G: accepted 30 November 17:00 UTC = 1 December 01:00 China time: a December case.
  base('G', { acceptedAt: at('2026-11-30T17:00:00Z') }),
];

const NOVEMBER = namedPeriod('2026-11')!;
const OCTOBER = namedPeriod('2026-10')!;

describe('statistics report: November 2026 scenario', () => {
  const nov = measure(CASES, NOVEMBER);

  it('counts each outcome by the day of its transition, in China time', () => {
    expect(nov).toMatchObject({
      accepted: 3, // B, D, F (A and C in October, G on 1 December China time)
      settled: 2, // A (accepted in October) and F
      terminated: 1, // D
      withdrawn: 1, // B
      refused: 0,
      declined: 1, // E
      successRate: 0.6667, // 2 / (2 + 1)
      pendingAtEnd: 1, // C
      overdueAtEnd: 1, // C: 60 days
      performed: 1, // F
      notPerformed: 0,
      confirmationsApplied: 1, // A
      keptFromCriminalCases: 1, // A
      keptFromCriminalPersons: 12,
    });
  });

  it('times outcomes from acceptance: median and nearest-rank 90th percentile', () => {
    // Days: F 0.5, B 10, A 14, D 20.5 (E was never accepted).
    expect(nov.outcomesTimed).toBe(4);
    expect(nov.medianDaysToOutcome).toBe(12); // (10 + 14) / 2
    expect(nov.p90DaysToOutcome).toBe(20.5); // rank ceil(0.9 × 4) = 4
  });

  it('sums money per currency, never across currencies', () => {
    // In dispute: cases accepted in November (B CNY, D EUR, F USD).
    expect(nov.moneyInDispute).toEqual([
      { currency: 'CNY', amountMinor: 1_860_000n },
      { currency: 'EUR', amountMinor: 300_000n },
      { currency: 'USD', amountMinor: 150_000n },
    ]);
    // Covered: agreements effective in November (A USD + CNY, F USD).
    expect(nov.moneyCovered).toEqual([
      { currency: 'CNY', amountMinor: 500_000n },
      { currency: 'USD', amountMinor: 2_150_000n },
    ]);
  });

  it('sees the settled-in-November case as pending in October', () => {
    expect(measure(CASES, OCTOBER)).toMatchObject({
      accepted: 2, // A, C
      settled: 0,
      successRate: null,
      pendingAtEnd: 2, // A, C
      overdueAtEnd: 1, // C: 30 days 16 hours at 31 October 24:00; A only 11.6 days
      outcomesTimed: 0,
      medianDaysToOutcome: null,
      p90DaysToOutcome: null,
      moneyInDispute: [
        { currency: 'CNY', amountMinor: 100_000n },
        { currency: 'USD', amountMinor: 8_650_000n },
      ],
      moneyCovered: [],
    });
  });

  it('breaks down by dispute type with all fifteen rows, zeros included', () => {
    const rows = buildReport(CASES, NOVEMBER).breakdowns.disputeType;
    expect(rows).toHaveLength(15);
    expect(rows[0]).toMatchObject({ key: 'marriage_family', accepted: 0, settled: 0 });
    expect(rows.find((r) => r.key === 'contract')).toMatchObject({
      accepted: 1, // D (G is December)
      settled: 1, // A
      terminated: 1, // D
      successRate: 0.5,
      pendingAtEnd: 0,
    });
    expect(rows.find((r) => r.key === 'labour')).toMatchObject({
      accepted: 1,
      withdrawn: 1,
      pendingAtEnd: 1,
      overdueAtEnd: 1,
    });
  });

  it('counts a case under each of its parties’ nationalities and provinces', () => {
    const report = buildReport(CASES, NOVEMBER);
    expect(
      report.breakdowns.nationality.map((r) => [r.key, r.accepted, r.settled, r.terminated]),
    ).toEqual([
      ['SY', 1, 0, 1],
      ['YE', 1, 1, 1],
    ]);
    expect(
      report.breakdowns.homeProvince.map((r) => [r.key, r.accepted, r.withdrawn, r.pendingAtEnd]),
    ).toEqual([
      ['520000', 1, 1, 1],
      ['510000', 0, 0, 1],
    ]);
    const kinds = report.breakdowns.mediatorKind;
    expect(kinds.map((r) => r.key)).toEqual([
      'foreign',
      'native_place',
      'staff',
      'lawyer',
      'volunteer',
    ]);
    expect(kinds[0]).toMatchObject({ settled: 1, terminated: 1, successRate: 0.5 });
  });

  it('gives each month of a quarter its own figures', () => {
    const months = buildReport(CASES, namedPeriod('2026-Q4')!).breakdowns.month;
    expect(
      months.map((m) => [m.key, m.accepted, m.settled, m.pendingAtEnd, m.overdueAtEnd]),
    ).toEqual([
      ['2026-10', 2, 0, 2, 1],
      ['2026-11', 3, 2, 1, 1],
      // G accepted 1 Dec 01:00 China time: 30 days 23 hours by 31 December 24:00, overdue.
      ['2026-12', 1, 0, 2, 2],
    ]);
  });
});

describe('statistics helpers', () => {
  it('median and percentile', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
  });

  it('sums money per currency', () => {
    expect(
      sumMoney([
        { currency: 'USD', amountMinor: 1n },
        { currency: 'CNY', amountMinor: 2n },
        { currency: 'USD', amountMinor: 3n },
      ]),
    ).toEqual([
      { currency: 'CNY', amountMinor: 2n },
      { currency: 'USD', amountMinor: 4n },
    ]);
  });

  it('parses months, quarters and years in China time and clips months to the period', () => {
    expect(namedPeriod('2026-11')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      start: new Date('2026-10-31T16:00:00Z'),
      end: new Date('2026-11-30T16:00:00Z'),
    });
    expect(namedPeriod('2024-Q1')).toMatchObject({ from: '2024-01-01', to: '2024-03-31' });
    expect(namedPeriod('2026')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
    expect(namedPeriod('2026-13')).toBeNull();
    expect(namedPeriod('2026-Q5')).toBeNull();
    const months = monthsOf({ ...namedPeriod('2026')!, from: '2026-02-15', to: '2026-04-10' });
    expect(months.map((m) => [m.month, m.period.from, m.period.to])).toEqual([
      ['2026-02', '2026-02-15', '2026-02-28'],
      ['2026-03', '2026-03-01', '2026-03-31'],
      ['2026-04', '2026-04-01', '2026-04-10'],
    ]);
  });
});

describe('definitions', () => {
  it('the README section and the API description say the same', () => {
    const readme = readFileSync(`${__dirname}/../../README.md`, 'utf8');
    const section =
      /<!-- statistics-definitions:start -->\n\n([\s\S]*?)\n<!-- statistics-definitions:end -->/.exec(
        readme,
      );
    expect(section?.[1]).toBe(STATISTICS_DEFINITIONS);
  });
});
