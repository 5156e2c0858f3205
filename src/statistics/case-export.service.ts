import { Injectable } from '@nestjs/common';
import { loadExcelJs } from './exceljs-loader';
import { once } from 'events';
import { Writable } from 'stream';
import { DataSource } from 'typeorm';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { seesPersonalData } from '../cases/case.view';
import { fromMinorUnits, minorDigits } from '../common/money/money';
import { fieldDecrypter, maskTail } from '../common/personal-data/field-encryption';
import { SupportedLanguage } from '../i18n/languages';
import { divisionName, provinceCodeOf } from '../reference/administrative-divisions';
import { Station } from '../stations/station.entity';
import { csvLine, UTF8_BOM } from './csv';
import { scopedCases, ScopeNarrowing } from './case-facts.loader';
import { Translate } from './report-table';
import { ReportPeriod } from './statistics-period';

/** Cases per page: one statement gives a page's cases with their parties. */
const PAGE = 5000;

/** Position of each case field in a page's arrays (pageAsJson). */
const CASE = {
  id: 0,
  caseNumber: 1,
  stationId: 2,
  receivedOn: 3,
  disputeType: 4,
  source: 5,
  state: 6,
  acceptedOn: 7,
  concludedOn: 8,
  amountMinor: 9,
  currency: 10,
  parties: 11,
} as const;

/**
 * One page of the export as a single JSON array: each case an array of its fields (CASE) whose
 * last element lists its parties, each [position, role, nationality, home region, country, and
 * for an identified reader: person name, encrypted identity number, organisation name]. One
 * statement and one value per page: the sqlite3 driver builds every row of a result as an object
 * (~27 µs for twenty columns), which capped the export near 5,000 rows/s. Days are China calendar
 * days computed by the database; amounts travel as text (bigint).
 *
 * A de-identified page is read from the cases' statistics rows alone, which carry the parties'
 * facts without names (CASE_EXPORT_COLUMNS); an identified one joins the parties to their persons
 * and organisations for names and identity numbers.
 */
function pageAsJson(postgres: boolean, identified: boolean, pageSql: string): string {
  const chinaDay = (column: string) =>
    postgres
      ? `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`
      : `date(${column}, '+8 hours')`;
  const fields = (alias: string) =>
    [
      `${alias}.id`,
      `${alias}.case_number`,
      `${alias}.station_id`,
      `CAST(${alias}.received_on AS VARCHAR(10))`,
      `${alias}.dispute_type`,
      `${alias}.source`,
      `${alias}.state`,
      chinaDay(`${alias}.accepted_at`),
      chinaDay(`${alias}.concluded_at`),
      `CAST(${alias}.amount_minor AS TEXT)`,
      `${alias}.currency`,
    ].join(', ');
  const inPage = (alias: string) => `${alias}.id IN (SELECT page.c_id FROM (${pageSql}) page)`;
  if (!identified)
    return postgres
      ? `SELECT json_agg(json_build_array(${fields('s')}, s.parties::json)
          ORDER BY s.received_on, s.id) AS rows
         FROM case_statistics s WHERE ${inPage('s')}`
      : `SELECT json_group_array(json_array(${fields('s')}, json(s.parties))) AS rows
         FROM case_statistics s WHERE ${inPage('s')}`;
  const party =
    'cp.position, cp.role, p.nationality, p.home_region_code, o.country, p.name_original, p.id_document_number, o.name_original';
  const partiesFrom = `FROM case_party cp
      LEFT JOIN person p ON p.id = cp.person_id
      LEFT JOIN organisation o ON o.id = cp.organisation_id
      WHERE cp.case_id = c.id`;
  return postgres
    ? `SELECT json_agg(json_build_array(${fields('c')},
          (SELECT json_agg(json_build_array(${party}) ORDER BY cp.position) ${partiesFrom}))
        ORDER BY c.received_on, c.id) AS rows
       FROM mediation_case c WHERE ${inPage('c')}`
    : // No ORDER BY inside SQLite's aggregates: its sorter turns nested JSON into text. The
      // page's cases and each case's parties are put in order after parsing instead.
      `SELECT json_group_array(json_array(${fields('c')},
          (SELECT json_group_array(json_array(${party})) ${partiesFrom}))) AS rows
       FROM mediation_case c WHERE ${inPage('c')}`;
}

const COLUMNS = [
  'caseNumber',
  'station',
  'receivedOn',
  'disputeType',
  'source',
  'state',
  'acceptedOn',
  'concludedOn',
  'amount',
  'currency',
  'parties',
  'nationalities',
  'homeProvinces',
] as const;

/** One exported case: every cell as text except the amount (a decimal string, or empty). */
export type CaseExportRow = Record<CaseExportColumn, string>;
export type CaseExportColumn = (typeof COLUMNS)[number];

export interface CaseExportRequest {
  period: ReportPeriod;
  narrowing: ScopeNarrowing;
  user: AuthenticatedUser;
  language: SupportedLanguage;
  t: Translate;
}

const XLSX_WIDTHS: Partial<Record<CaseExportColumn, number>> = {
  caseNumber: 22,
  station: 10,
  disputeType: 22,
  source: 16,
  state: 14,
  parties: 48,
  nationalities: 14,
  homeProvinces: 18,
};

/**
 * The case-level export: one row per case received in the period, read page by page with keyset
 * pagination on (received_on, id) so memory stays flat whatever the number of cases, written as
 * CSV or streamed XLSX from the same pages. Personal data is minimised here, not in the caller:
 * a name becomes its first character and an identity number its last four; a bureau account gets
 * neither, nor organisation names.
 */
@Injectable()
export class CaseExportService {
  constructor(private readonly dataSource: DataSource) {}

  headers(request: CaseExportRequest): string[] {
    return COLUMNS.map((c) => request.t(`statistics:column.${c}`, {}, request.language));
  }

  async *csv(request: CaseExportRequest): AsyncGenerator<string> {
    yield UTF8_BOM + csvLine(this.headers(request));
    for await (const page of this.pages(request)) {
      let chunk = '';
      for (const row of page) chunk += csvLine(COLUMNS.map((c) => row[c]));
      yield chunk;
    }
  }

  /**
   * Streams the workbook into `output`: the header row frozen, each page's rows committed as
   * they come, so only the current page is held in memory. Amounts are numbers in the
   * currency's decimals.
   */
  async xlsx(request: CaseExportRequest, output: Writable): Promise<void> {
    const workbook = new (await loadExcelJs()).stream.xlsx.WorkbookWriter({
      stream: output,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'Mediation case system';
    const sheet = workbook.addWorksheet(request.t('statistics:sheet.cases', {}, request.language), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const headers = this.headers(request);
    sheet.columns = COLUMNS.map((c, i) => ({
      header: headers[i],
      key: c,
      width: XLSX_WIDTHS[c] ?? 12,
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const page of this.pages(request)) {
      for (const row of page) {
        const added = sheet.addRow({
          ...row,
          amount: row.amount === '' ? null : Number(row.amount),
        });
        if (row.amount !== '') {
          const digits = minorDigits(row.currency);
          added.getCell('amount').numFmt = digits ? `0.${'0'.repeat(digits)}` : '0';
        }
        added.commit();
      }
      // Let the response drain before the next page is read.
      if (output.writableNeedDrain) await once(output, 'drain');
    }
    sheet.commit();
    await workbook.commit();
  }

  /** The rows, one page at a time, in (received_on, id) order. */
  async *pages(request: CaseExportRequest): AsyncGenerator<CaseExportRow[]> {
    const { user, language, t } = request;
    const identified = seesPersonalData(user);
    const stations = new Map(
      (await this.dataSource.getRepository(Station).find({ select: { id: true, code: true } })).map(
        (s) => [s.id, s.code],
      ),
    );
    // Labels repeat on every row: translate each once.
    const labels = new Map<string, string>();
    const label = (key: string) => {
      let text = labels.get(key);
      if (text === undefined) labels.set(key, (text = t(key, {}, language)));
      return text;
    };
    const provinces = new Map<string, string>();
    const province = (region: string) => {
      const code = provinceCodeOf(region);
      let name = provinces.get(code);
      if (name === undefined) provinces.set(code, (name = divisionName(code, language)));
      return name;
    };
    // Labels per kind of code, so a row's lookups need no key strings.
    const labelsOf = (prefix: string) => {
      const known = new Map<string, string>();
      return (code: unknown) => {
        let text = known.get(code as string);
        if (text === undefined) known.set(code as string, (text = label(`${prefix}.${code}`)));
        return text;
      };
    };
    const [disputeType, source, state, role] = [
      labelsOf('reference:disputeType'),
      labelsOf('statistics:source'),
      labelsOf('cases:state'),
      labelsOf('statistics:partyRole'),
    ];
    const decrypt = identified ? fieldDecrypter() : null;
    // The next page is read while this one is formatted and written: the database works in its
    // own thread, so the two overlap.
    let next = this.page(request, identified, null);
    for (;;) {
      const cases = await next;
      if (cases.length === 0) return;
      const last = cases[cases.length - 1];
      const more = cases.length === PAGE;
      if (more) {
        next = this.page(request, identified, {
          receivedOn: day(last[CASE.receivedOn]),
          id: last[CASE.id] as string,
        });
        // Answered when awaited; until then a failure must not count as unhandled.
        next.catch(() => undefined);
      }
      yield cases.map((v) => {
        const own = ((v[CASE.parties] ?? []) as unknown[][])
          .sort((a, b) => Number(a[0]) - Number(b[0]))
          .map(
            (p): ExportParty => ({
              role: p[1] as string,
              nationality: p[2] as string | null,
              homeRegion: p[3] as string | null,
              country: p[4] as string | null,
              personName: p[5] as string | null | undefined,
              idNumber: decrypt && typeof p[6] === 'string' ? decrypt(p[6]) : null,
              organisationName: p[7] as string | null | undefined,
            }),
          );
        const currency = v[CASE.currency] as string | null;
        const amountMinor = v[CASE.amountMinor] as string | null;
        return {
          caseNumber: v[CASE.caseNumber] as string,
          station: stations.get(v[CASE.stationId] as string) ?? '',
          receivedOn: day(v[CASE.receivedOn]),
          disputeType: disputeType(v[CASE.disputeType]),
          source: source(v[CASE.source]),
          state: state(v[CASE.state]),
          acceptedOn: (v[CASE.acceptedOn] as string | null) ?? '',
          concludedOn: (v[CASE.concludedOn] as string | null) ?? '',
          amount:
            amountMinor !== null && currency ? fromMinorUnits(BigInt(amountMinor), currency) : '',
          currency: currency ?? '',
          parties: own.map((p) => partyText(p, identified, role(p.role))).join('; '),
          nationalities: [...new Set(own.map((p) => p.nationality ?? p.country ?? ''))]
            .filter(Boolean)
            .join(' '),
          homeProvinces: [
            ...new Set(
              own
                .map((p) => p.homeRegion)
                .filter((r): r is string => !!r)
                .map(province),
            ),
          ].join(' '),
        };
      });
      if (!more) return;
    }
  }

  /** One page of cases after `after` in (received_on, id) order, sorted (pageAsJson). */
  private async page(
    request: CaseExportRequest,
    identified: boolean,
    after: { receivedOn: string; id: string } | null,
  ): Promise<unknown[][]> {
    const { period, narrowing, user } = request;
    // The page's ids, from the table its rows are read from (pageAsJson).
    const page = this.dataSource
      .createQueryBuilder()
      .select('c.id', 'c_id')
      .from(identified ? 'mediation_case' : 'case_statistics', 'c')
      .where('c.received_on >= :from AND c.received_on <= :to', {
        from: period.from,
        to: period.to,
      });
    if (after)
      page.andWhere(
        '(c.received_on > :afterDay OR (c.received_on = :afterDay AND c.id > :afterId))',
        { afterDay: after.receivedOn, afterId: after.id },
      );
    scopedCases(page, scopeOf(user), narrowing)
      .orderBy('c.received_on', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(PAGE);
    const [pageSql, pageParameters] = page.getQueryAndParameters();
    const postgres = this.dataSource.options.type === 'postgres';
    const result: { rows: string | unknown[][] | null }[] = await this.dataSource.query(
      pageAsJson(postgres, identified, pageSql),
      pageParameters,
    );
    const raw = result[0]?.rows;
    const cases = ((typeof raw === 'string' ? JSON.parse(raw) : raw) ?? []) as unknown[][];
    return cases.sort(byReceiptThenId);
  }
}

/** What the export shows of a party; names and the identity number only when identified. */
export interface ExportParty {
  role: string;
  nationality: string | null;
  homeRegion: string | null;
  country: string | null;
  personName?: string | null;
  idNumber?: string | null;
  organisationName?: string | null;
}

/** The export's order, the keyset's: date of receipt, then id (both compare as text). */
function byReceiptThenId(a: unknown[], b: unknown[]): number {
  const [dayA, dayB] = [day(a[CASE.receivedOn]), day(b[CASE.receivedOn])];
  if (dayA !== dayB) return dayA < dayB ? -1 : 1;
  const [idA, idB] = [String(a[CASE.id]), String(b[CASE.id])];
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/** A date column read as text (never a Date in the server's time zone): "YYYY-MM-DD". */
const day = (value: unknown): string => String(value).slice(0, 10);

/** "Applicant: أ. ****5678": the role, an initial and the masked number; the role alone for a bureau. */
export function partyText(party: ExportParty, identified: boolean, role: string): string {
  if (!identified) return role;
  if (party.organisationName) return `${role}: ${party.organisationName}`;
  if (!party.personName) return role;
  const initial = [...party.personName.trim()][0] ?? '';
  const id = maskTail(party.idNumber);
  return `${role}: ${initial}.${id ? ` ${id}` : ''}`;
}
