import { Injectable } from '@nestjs/common';
import { loadExcelJs } from './exceljs-loader';
import { once } from 'events';
import { Writable } from 'stream';
import { DataSource } from 'typeorm';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { seesPersonalData } from '../cases/case.view';
import { MediationCase } from '../cases/mediation-case.entity';
import { fromMinorUnits, minorDigits } from '../common/money/money';
import { decryptField, maskTail } from '../common/personal-data/field-encryption';
import { SupportedLanguage } from '../i18n/languages';
import { divisionName, provinceCodeOf } from '../reference/administrative-divisions';
import { Station } from '../stations/station.entity';
import { csvLine, UTF8_BOM } from './csv';
import { instant, scopedCases, ScopeNarrowing } from './case-facts.loader';
import { Translate } from './report-table';
import { chinaDay, ReportPeriod } from './statistics-period';

/** Cases per page: one query for the cases and one for their parties. */
const PAGE = 2000;

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
    const { period, narrowing, user, language, t } = request;
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
    let after: { receivedOn: string; id: string } | null = null;
    for (;;) {
      const query = this.dataSource
        .getRepository(MediationCase)
        .createQueryBuilder('c')
        .select('c.id', 'id')
        .addSelect('c.case_number', 'caseNumber')
        .addSelect('c.station_id', 'stationId')
        .addSelect('CAST(c.received_on AS VARCHAR(10))', 'receivedOn')
        .addSelect('c.dispute_type', 'disputeType')
        .addSelect('c.source', 'source')
        .addSelect('c.state', 'state')
        .addSelect('c.accepted_at', 'acceptedAt')
        .addSelect('c.concluded_at', 'concludedAt')
        .addSelect('c.amount_minor', 'amountMinor')
        .addSelect('c.currency', 'currency')
        .where('c.received_on >= :from AND c.received_on <= :to', {
          from: period.from,
          to: period.to,
        });
      if (after)
        query.andWhere(
          '(c.received_on > :afterDay OR (c.received_on = :afterDay AND c.id > :afterId))',
          { afterDay: after.receivedOn, afterId: after.id },
        );
      const cases = await scopedCases(query, scopeOf(user), narrowing)
        .orderBy('c.received_on', 'ASC')
        .addOrderBy('c.id', 'ASC')
        .limit(PAGE)
        .getRawMany<ExportCaseRow>();
      if (cases.length === 0) return;
      const partiesOf = await this.parties(
        cases.map((c) => c.id),
        identified,
      );
      yield cases.map((c) => {
        const own = partiesOf.get(c.id) ?? [];
        return {
          caseNumber: c.caseNumber,
          station: stations.get(c.stationId) ?? '',
          receivedOn: day(c.receivedOn),
          disputeType: label(`reference:disputeType.${c.disputeType}`),
          source: label(`statistics:source.${c.source}`),
          state: label(`cases:state.${c.state}`),
          acceptedOn: c.acceptedAt ? chinaDay(instant(c.acceptedAt)) : '',
          concludedOn: c.concludedAt ? chinaDay(instant(c.concludedAt)) : '',
          amount:
            c.amountMinor !== null && c.amountMinor !== undefined && c.currency
              ? fromMinorUnits(BigInt(String(c.amountMinor)), c.currency)
              : '',
          currency: c.currency ?? '',
          parties: own
            .map((p) => partyText(p, identified, label(`statistics:partyRole.${p.role}`)))
            .join('; '),
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
      const last = cases[cases.length - 1];
      after = { receivedOn: day(last.receivedOn), id: last.id };
      if (cases.length < PAGE) return;
    }
  }

  /**
   * The parties of a page's cases in their order. Names and identity numbers are read only for
   * accounts that may see them (a bureau's query never selects them) and only the identity
   * number is decrypted, not every encrypted field of the person.
   */
  private async parties(ids: string[], identified: boolean): Promise<Map<string, ExportParty[]>> {
    const query = this.dataSource
      .createQueryBuilder()
      .select('cp.case_id', 'caseId')
      .addSelect('cp.role', 'role')
      .addSelect('p.nationality', 'nationality')
      .addSelect('p.home_region_code', 'homeRegion')
      .addSelect('o.country', 'country')
      .from('case_party', 'cp')
      .leftJoin('person', 'p', 'p.id = cp.person_id')
      .leftJoin('organisation', 'o', 'o.id = cp.organisation_id')
      .where('cp.case_id IN (:...ids)', { ids })
      .orderBy('cp.case_id', 'ASC')
      .addOrderBy('cp.position', 'ASC');
    if (identified)
      query
        .addSelect('p.name_original', 'personName')
        .addSelect('p.id_document_number', 'idNumber')
        .addSelect('o.name_original', 'organisationName');
    const rows = await query.getRawMany<ExportParty & { caseId: string }>();
    const byCase = new Map<string, ExportParty[]>();
    for (const row of rows) {
      const party: ExportParty = {
        ...row,
        idNumber: row.idNumber ? decryptField(row.idNumber) : null,
      };
      const list = byCase.get(row.caseId);
      if (list) list.push(party);
      else byCase.set(row.caseId, [party]);
    }
    return byCase;
  }
}

interface ExportCaseRow {
  id: string;
  caseNumber: string;
  stationId: string;
  receivedOn: unknown;
  disputeType: string;
  source: string;
  state: string;
  acceptedAt: unknown;
  concludedAt: unknown;
  amountMinor: unknown;
  currency: string | null;
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
