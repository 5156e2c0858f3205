import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { fromMinorUnits } from '../common/money/money';
import { I18nService } from '../i18n/i18n.service';
import { SupportedLanguage } from '../i18n/languages';
import { divisionName } from '../reference/administrative-divisions';
import { Station } from '../stations/station.entity';
import { MoneyAmount } from './case-facts';
import { CaseFactsLoader } from './case-facts.loader';
import { StatisticsQueryDto } from './dto/statistics-query.dto';
import { rowLabel, StationName, Translate } from './report-table';
import { periodInvalid, periodTooLong } from './statistics-errors';
import { namedPeriod, periodOf, ReportPeriod } from './statistics-period';
import { BREAKDOWNS, buildReport, Measures, StatisticsReport } from './statistics-report';

const MAX_YEARS = 10;

export interface LoadedReport {
  report: StatisticsReport;
  stations: Map<string, StationName>;
  scope: { stationId: string | null; countyCode: string | null };
}

/** Resolves the period and scope of a request and builds the report from the case facts. */
@Injectable()
export class StatisticsService {
  constructor(
    private readonly loader: CaseFactsLoader,
    private readonly dataSource: DataSource,
    private readonly i18n: I18nService,
  ) {}

  readonly translate: Translate = (key, params, lng) => this.i18n.translate(key, params, lng);

  resolvePeriod(query: Pick<StatisticsQueryDto, 'period' | 'from' | 'to'>): ReportPeriod {
    let period: ReportPeriod | null = null;
    if (query.period && !query.from && !query.to) period = namedPeriod(query.period);
    else if (!query.period && query.from && query.to) period = periodOf(query.from, query.to);
    if (!period) throw periodInvalid();
    if (period.end.getTime() - period.start.getTime() > MAX_YEARS * 366 * 86_400_000)
      throw periodTooLong(MAX_YEARS);
    return period;
  }

  async load(query: StatisticsQueryDto, user: AuthenticatedUser): Promise<LoadedReport> {
    const period = this.resolvePeriod(query);
    const narrowing = { stationId: query.stationId, countyCode: query.countyCode };
    const facts = await this.loader.load(period, scopeOf(user), narrowing);
    const report = buildReport(facts, period);
    const ids = report.breakdowns.station.map((r) => r.key);
    const stations = ids.length
      ? await this.dataSource.getRepository(Station).find({
          select: { id: true, code: true, nameZh: true, nameEn: true },
          where: { id: In(ids) },
        })
      : [];
    return {
      report,
      stations: new Map(stations.map((s) => [s.id, s])),
      scope: { stationId: query.stationId ?? null, countyCode: query.countyCode ?? null },
    };
  }

  /**
   * The scope of a report in words: the narrowing when there is one (station, then region),
   * else what the caller may see (all stations, the clerk's station, the bureau's region).
   */
  async scopeText(
    loaded: LoadedReport,
    user: AuthenticatedUser,
    language: SupportedLanguage,
  ): Promise<string> {
    const stationName = async (id: string) => {
      const station = await this.dataSource
        .getRepository(Station)
        .findOne({ select: { code: true, nameZh: true, nameEn: true }, where: { id } });
      if (!station) return id;
      return `${language === 'zh-CN' ? station.nameZh : station.nameEn} (${station.code})`;
    };
    if (loaded.scope.stationId) return stationName(loaded.scope.stationId);
    if (loaded.scope.countyCode) return divisionName(loaded.scope.countyCode, language);
    const scope = scopeOf(user);
    switch (scope.kind) {
      case 'all':
        return this.translate('statistics:scope.all', {}, language);
      case 'station':
        return stationName(scope.stationId);
      case 'county':
        return divisionName(scope.countyCode, language);
      case 'panel':
        return this.translate('statistics:scope.panel', {}, language);
    }
  }

  /** The JSON answer: figures as computed, money as exact decimal strings, labels translated. */
  view(loaded: LoadedReport, language: SupportedLanguage) {
    const { report } = loaded;
    const money = (amounts: MoneyAmount[]) =>
      amounts.map((a) => ({
        currency: a.currency,
        amount: fromMinorUnits(a.amountMinor, a.currency),
        amountMinor: a.amountMinor.toString(),
      }));
    const measures = (m: Measures) => ({
      ...m,
      moneyInDispute: money(m.moneyInDispute),
      moneyCovered: money(m.moneyCovered),
    });
    return {
      period: {
        from: report.period.from,
        to: report.period.to,
        timeZone: 'Asia/Shanghai',
        start: report.period.start.toISOString(),
        end: report.period.end.toISOString(),
      },
      scope: loaded.scope,
      language,
      totals: measures(report.totals),
      breakdowns: Object.fromEntries(
        BREAKDOWNS.map((b) => [
          b,
          report.breakdowns[b].map((row) => ({
            ...measures(row),
            key: row.key,
            label: rowLabel(b, row.key, language, this.translate, loaded.stations),
          })),
        ]),
      ),
    };
  }
}
