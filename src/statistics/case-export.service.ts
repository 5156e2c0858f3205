import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { once } from 'events';
import { Writable } from 'stream';
import { DataSource, In } from 'typeorm';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { CaseParty } from '../cases/case-party.entity';
import { seesPersonalData } from '../cases/case.view';
import { MediationCase } from '../cases/mediation-case.entity';
import { fromMinorUnits, minorDigits } from '../common/money/money';
import { maskTail } from '../common/personal-data/field-encryption';
import { SupportedLanguage } from '../i18n/languages';
import { divisionName, provinceCodeOf } from '../reference/administrative-divisions';
import { Station } from '../stations/station.entity';
import { csvLine, UTF8_BOM } from './csv';
import { scopedCases, ScopeNarrowing } from './case-facts.loader';
import { Translate } from './report-table';
import { chinaDay, ReportPeriod } from './statistics-period';

const PAGE = 500;

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
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
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
    let after: { receivedOn: string; id: string } | null = null;
    for (;;) {
      const query = this.dataSource
        .getRepository(MediationCase)
        .createQueryBuilder('c')
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
        .getMany();
      if (cases.length === 0) return;
      const parties = await this.dataSource.getRepository(CaseParty).find({
        where: { caseId: In(cases.map((c) => c.id)) },
        relations: { person: true, organisation: true },
        order: { position: 'ASC' },
      });
      const partiesOf = new Map<string, CaseParty[]>();
      for (const p of parties) partiesOf.set(p.caseId, [...(partiesOf.get(p.caseId) ?? []), p]);
      yield cases.map((c) => {
        const own = partiesOf.get(c.id) ?? [];
        return {
          caseNumber: c.caseNumber,
          station: stations.get(c.stationId) ?? '',
          receivedOn: c.receivedOn,
          disputeType: t(`reference:disputeType.${c.disputeType}`, {}, language),
          source: t(`statistics:source.${c.source}`, {}, language),
          state: t(`cases:state.${c.state}`, {}, language),
          acceptedOn: c.acceptedAt ? chinaDay(c.acceptedAt) : '',
          concludedOn: c.concludedAt ? chinaDay(c.concludedAt) : '',
          amount:
            c.amountMinor !== null && c.currency ? fromMinorUnits(c.amountMinor, c.currency) : '',
          currency: c.currency ?? '',
          parties: own.map((p) => partyText(p, identified, language, t)).join('; '),
          nationalities: [
            ...new Set(own.map((p) => p.person?.nationality ?? p.organisation?.country ?? '')),
          ]
            .filter(Boolean)
            .join(' '),
          homeProvinces: [
            ...new Set(
              own
                .map((p) => p.person?.homeRegionCode)
                .filter((r): r is string => !!r)
                .map((r) => divisionName(provinceCodeOf(r), language)),
            ),
          ].join(' '),
        };
      });
      const last = cases[cases.length - 1];
      after = { receivedOn: last.receivedOn, id: last.id };
      if (cases.length < PAGE) return;
    }
  }
}

/** "Applicant: أ. ****5678": the role, an initial and the masked number; the role alone for a bureau. */
export function partyText(
  party: CaseParty,
  identified: boolean,
  language: SupportedLanguage,
  t: Translate,
): string {
  const role = t(`statistics:partyRole.${party.role}`, {}, language);
  if (!identified) return role;
  if (party.organisation) return `${role}: ${party.organisation.nameOriginal}`;
  const person = party.person;
  if (!person) return role;
  const initial = [...person.nameOriginal.trim()][0] ?? '';
  const id = maskTail(person.idDocumentNumber);
  return `${role}: ${initial}.${id ? ` ${id}` : ''}`;
}
