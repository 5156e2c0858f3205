import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { CaseParty } from '../cases/case-party.entity';
import { seesPersonalData } from '../cases/case.view';
import { MediationCase } from '../cases/mediation-case.entity';
import { fromMinorUnits } from '../common/money/money';
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

/**
 * The case-level export: one CSV line per case received in the period, read page by page with
 * keyset pagination on (received_on, id) so memory stays flat whatever the number of cases.
 * Personal data is minimised here, not in the caller: a name becomes its first character and an
 * identity number its last four; a bureau account gets neither, nor organisation names.
 */
@Injectable()
export class CaseExportService {
  constructor(private readonly dataSource: DataSource) {}

  async *csv(
    period: ReportPeriod,
    narrowing: ScopeNarrowing,
    user: AuthenticatedUser,
    language: SupportedLanguage,
    t: Translate,
  ): AsyncGenerator<string> {
    const identified = seesPersonalData(user);
    const stations = new Map(
      (await this.dataSource.getRepository(Station).find({ select: { id: true, code: true } })).map(
        (s) => [s.id, s.code],
      ),
    );
    yield UTF8_BOM + csvLine(COLUMNS.map((c) => t(`statistics:column.${c}`, {}, language)));
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
      let chunk = '';
      for (const c of cases) {
        const own = parties.filter((p) => p.caseId === c.id);
        chunk += csvLine([
          c.caseNumber,
          stations.get(c.stationId) ?? '',
          c.receivedOn,
          t(`reference:disputeType.${c.disputeType}`, {}, language),
          t(`statistics:source.${c.source}`, {}, language),
          t(`cases:state.${c.state}`, {}, language),
          c.acceptedAt ? chinaDay(c.acceptedAt) : '',
          c.concludedAt ? chinaDay(c.concludedAt) : '',
          c.amountMinor !== null && c.currency ? fromMinorUnits(c.amountMinor, c.currency) : '',
          c.currency ?? '',
          own.map((p) => partyText(p, identified, language, t)).join('; '),
          [...new Set(own.map((p) => p.person?.nationality ?? p.organisation?.country ?? ''))]
            .filter(Boolean)
            .join(' '),
          [
            ...new Set(
              own
                .map((p) => p.person?.homeRegionCode)
                .filter((r): r is string => !!r)
                .map((r) => divisionName(provinceCodeOf(r), language)),
            ),
          ].join(' '),
        ]);
      }
      yield chunk;
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
