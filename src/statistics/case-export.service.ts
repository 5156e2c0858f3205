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
import { EXPORT_ROW_FIELDS } from './case-statistics-row';
import { csvLine, UTF8_BOM } from './csv';
import { scopedCases, ScopeNarrowing } from './case-facts.loader';
import { Translate } from './report-table';
import { ReportPeriod } from './statistics-period';

/** Cases per page: one statement gives a page's cases with their parties. */
const PAGE = 5000;

/**
 * Position of each case field in a page's arrays (pageAsJson): the export row's fields, then for
 * an identified reader the names of its parties.
 */
const CASE = {
  ...(Object.fromEntries(EXPORT_ROW_FIELDS.map((field, i) => [field, i])) as Record<
    (typeof EXPORT_ROW_FIELDS)[number],
    number
  >),
  names: EXPORT_ROW_FIELDS.length,
};

/**
 * One page of the export as a single JSON text joined from the cases' export rows (case-statistics-
 * row.ts: the fields of CASE, the parties' facts without names), in (received_on, id) order; for
 * an identified reader each row followed by its parties' names and encrypted identity numbers
 * ([position, person name, number, organisation name] each). One statement and one value per
 * page: the sqlite3 driver builds every row of a result as an object (~27 µs for twenty columns),
 * which capped the export near 5,000 rows/s. With the page its number of rows and the last row's
 * key (received_on, id), so that the next page can be asked for before this one is parsed.
 */
function pageAsJson(postgres: boolean, identified: boolean, pageSql: string): string {
  let row = 's.export_row';
  if (identified) {
    const names = `FROM case_party cp
      LEFT JOIN person p ON p.id = cp.person_id
      LEFT JOIN organisation o ON o.id = cp.organisation_id
      WHERE cp.case_id = s.id`;
    const values = 'cp.position, p.name_original, p.id_document_number, o.name_original';
    const lookup = postgres
      ? `coalesce((SELECT json_agg(json_build_array(${values})) ${names})::text, 'null')`
      : `(SELECT json_group_array(json_array(${values})) ${names})`;
    // The row's array with one more element: its text without the closing bracket, then that.
    const open = postgres
      ? 'left(s.export_row, -1)'
      : 'substr(s.export_row, 1, length(s.export_row) - 1)';
    row = `${open} || ',' || ${lookup} || ']'`;
  }
  const key = postgres
    ? `s.received_on::text || '${KEY_SEPARATOR}' || s.id::text`
    : `s.received_on || '${KEY_SEPARATOR}' || s.id`;
  // PostgreSQL orders inside the aggregate; SQLite's aggregate reads the page's subquery as it
  // yields its rows, in that query's order (an ORDER BY inside the aggregate would sort the page
  // again: a quarter of the statement). The e2e tests compare the order with the database's.
  const joined = postgres
    ? `string_agg(${row}, ',' ORDER BY s.received_on, s.id)`
    : `group_concat(${row}, ',')`;
  return `SELECT '[' || coalesce(${joined}, '') || ']' AS rows, COUNT(*) AS n, MAX(${key}) AS last
    FROM (${pageSql}) s`;
}

/** Between the day and the id of a page's last key: neither contains it. */
const KEY_SEPARATOR = '|';

/** A page as the database answers it, not yet parsed. */
interface PageAnswer {
  rows: string | unknown[][] | null;
  count: number;
  last: { receivedOn: string; id: string } | null;
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
  /** Cases per page (PAGE); smaller in tests, to cross page boundaries with a few cases. */
  pageSize?: number;
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
    // A row per case, with loops rather than chains of array methods: at 50,000 rows a second
    // each intermediate array and set is garbage the collector has to keep up with.
    const rowOf = (v: unknown[]): CaseExportRow => {
      // In position order, as the statistics row keeps them.
      const facts = (v[CASE.parties] ?? []) as PartyFacts[];
      const names = identified ? namesOf(v) : null;
      const nationalities: string[] = [];
      const homeProvinces: string[] = [];
      let parties = '';
      for (const [position, partyRole, nationality, homeRegion, country] of facts) {
        let text = role(partyRole);
        if (names) {
          const [, personName, idNumber, organisationName] = names.get(position) ?? [];
          text = partyText(
            {
              role: partyRole,
              nationality,
              homeRegion,
              country,
              personName,
              idNumber: decrypt && typeof idNumber === 'string' ? decrypt(idNumber) : null,
              organisationName,
            },
            true,
            text,
          );
        }
        parties = parties ? `${parties}; ${text}` : text;
        const origin = nationality ?? country;
        if (origin && !nationalities.includes(origin)) nationalities.push(origin);
        if (homeRegion) {
          const name = province(homeRegion);
          if (!homeProvinces.includes(name)) homeProvinces.push(name);
        }
      }
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
        parties,
        nationalities: nationalities.join(' '),
        homeProvinces: homeProvinces.join(' '),
      };
    };
    // The next page is read while this one is formatted and written: the database works in its
    // own thread, so the two overlap.
    let next = this.page(request, identified, null);
    for (;;) {
      const answer = await next;
      if (answer.count === 0) return;
      const more = answer.count === (request.pageSize ?? PAGE);
      if (more) {
        next = this.page(request, identified, answer.last);
        // Answered when awaited; until then a failure must not count as unhandled.
        next.catch(() => undefined);
        // Let the query reach the database's thread before this page is formatted: it is sent
        // a few promise steps into the driver, which would otherwise wait for the formatting.
        await new Promise(setImmediate);
      }
      yield casesOf(answer).map(rowOf);
      if (!more) return;
    }
  }

  /** One page of cases after `after` in (received_on, id) order, as the database answers it. */
  private async page(
    request: CaseExportRequest,
    identified: boolean,
    after: { receivedOn: string; id: string } | null,
  ): Promise<PageAnswer> {
    const { period, narrowing, user } = request;
    const page = this.dataSource.createQueryBuilder().from('case_statistics', 'c');
    for (const [i, column] of PAGE_COLUMNS.entries())
      if (i === 0) page.select(`c.${column}`, column);
      else page.addSelect(`c.${column}`, column);
    // After the first page the range starts at the last page's day, and the keyset's OR only
    // filters within it: neither database seeks on an OR, and with the period's first day as the
    // lower bound every page scanned the index from there (a year's export slowed page by page).
    page.where('c.received_on >= :from AND c.received_on <= :to', {
      from: after ? after.receivedOn : period.from,
      to: period.to,
    });
    if (after)
      page.andWhere('(c.received_on > :afterDay OR c.id > :afterId)', {
        afterDay: after.receivedOn,
        afterId: after.id,
      });
    scopedCases(page, scopeOf(user), narrowing)
      .orderBy('c.received_on', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(request.pageSize ?? PAGE);
    const [pageSql, pageParameters] = page.getQueryAndParameters();
    const postgres = this.dataSource.options.type === 'postgres';
    const [answer]: {
      rows: string | unknown[][] | null;
      n: number | string;
      last: string | null;
    }[] = await this.dataSource.query(pageAsJson(postgres, identified, pageSql), pageParameters);
    const last = answer?.last?.split(KEY_SEPARATOR);
    return {
      rows: answer?.rows ?? null,
      count: Number(answer?.n ?? 0),
      last: last ? { receivedOn: day(last[0]), id: last[1] } : null,
    };
  }
}

/** A page's cases, parsed (in (received_on, id) order, as the database joined them). */
function casesOf(answer: PageAnswer): unknown[][] {
  const raw = answer.rows;
  return ((typeof raw === 'string' ? JSON.parse(raw) : raw) ?? []) as unknown[][];
}

/** An identified page's names of a case's parties by position: [position, person name, encrypted number, organisation name]. */
const namesOf = (v: unknown[]) =>
  new Map(((v[CASE.names] ?? []) as PartyNames[]).map((n) => [Number(n[0]), n]));

type PartyNames = [
  position: number,
  personName: string | null,
  idNumber: string | null,
  organisationName: string | null,
];

/** The statistics row's columns a page reads (pageAsJson). */
const PAGE_COLUMNS = ['id', 'received_on', 'export_row'] as const;

/** A party as its case's statistics row keeps it (case-statistics-row.ts). */
type PartyFacts = [
  position: number,
  role: string,
  nationality: string | null,
  homeRegion: string | null,
  country: string | null,
];

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
