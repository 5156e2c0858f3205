import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { toMinorUnits } from '../common/money/money';
import { TransactionRunner } from '../database/transaction-runner';
import { insertRow } from '../database/insert-row';
import { invalidField, ValidationFailedError } from '../errors/domain-error';
import { Station } from '../stations/station.entity';
import { CaseNumberCounter } from './case-number-counter.entity';
import { CaseParty } from './case-party.entity';
import { stationNotAllowed } from './case-errors';
import { formatCaseNumber } from './case-number';
import { CaseQueries } from './case-queries.service';
import { appendTimeline } from './case-timeline';
import { CaseView } from './case.view';
import { RegisterCaseDto } from './dto/register-case.dto';
import { MediationCase } from './mediation-case.entity';
import { resolveOrganisation, resolvePerson } from './party-registry';
import { registrationProblems } from './registration-rules';
import { CaseLifecycle } from './case-lifecycle.service';

/** Registers disputes: the station clerk's daily work. One transaction per registration. */
@Injectable()
export class CaseIntake {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly queries: CaseQueries,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  async register(dto: RegisterCaseDto, user: AuthenticatedUser): Promise<CaseView> {
    if (user.role === 'clerk' && user.stationId !== dto.stationId) throw stationNotAllowed();
    const problems = registrationProblems(dto);
    if (problems.length) throw new ValidationFailedError(problems);

    const id = await this.transactions.run((manager) => this.registerWithin(manager, dto, user.id));
    return this.queries.get(id, user);
  }

  /** Registration inside the caller's transaction (the demo seeder uses it too); returns the case id. */
  async registerWithin(
    manager: EntityManager,
    dto: RegisterCaseDto,
    createdBy: string | null,
  ): Promise<string> {
    const station = await manager.getRepository(Station).findOne({ where: { id: dto.stationId } });
    if (!station || !station.active) throw invalidField('stationId', 'validation:unknownStation');
    const year = Number(dto.receivedOn.slice(0, 4));
    const sequence = await this.nextSequence(manager, station.id, year);
    const mediationCase = manager.getRepository(MediationCase).create({
      caseNumber: formatCaseNumber(station.caseNumberFormat, year, sequence),
      stationId: station.id,
      year,
      sequence,
      source: dto.source,
      receivedOn: dto.receivedOn,
      disputeType: dto.disputeType as MediationCase['disputeType'],
      tags: dto.tags ?? [],
      amountMinor: dto.amountInDispute
        ? toMinorUnits(dto.amountInDispute.amount, dto.amountInDispute.currency)
        : null,
      currency: dto.amountInDispute?.currency ?? null,
      account: dto.account,
      requests: dto.requests,
      riskOfEscalation: dto.risk?.escalationRisk ?? false,
      personsAtRisk: dto.risk?.personsAtRisk ?? 0,
      policeReport: dto.risk?.policeReport ?? null,
      state: 'registered',
      acceptedAt: null,
      dueAt: null,
      concludedAt: null,
      closedAt: null,
      createdBy,
      version: 1,
    });
    await insertRow(manager, MediationCase, mediationCase);

    // Applicants first, then respondents, then third parties: the order documents list them in.
    const order = { applicant: 0, respondent: 1, third_party: 2 };
    const parties = dto.parties
      .map((party, index) => ({ party, index }))
      .sort((a, b) => order[a.party.role] - order[b.party.role] || a.index - b.index);
    let position = 1;
    const refusals: { partyId: string; reason: string }[] = [];
    for (const { party, index } of parties) {
      const field = `parties.${index}`;
      const person =
        party.person || party.personId
          ? await resolvePerson(manager, party.person, party.personId, field)
          : null;
      const organisation = person
        ? null
        : await resolveOrganisation(manager, party.organisation, party.organisationId, field);
      const row = manager.getRepository(CaseParty).create({
        caseId: mediationCase.id,
        role: party.role,
        position: position++,
        personId: person?.id ?? null,
        organisationId: organisation?.id ?? null,
        agents: party.agents ?? [],
        consent: party.consent?.decision ?? 'pending',
        consentAt: party.consent ? new Date() : null,
        consentMethod: party.consent?.method ?? null,
        refusalReason: party.consent?.decision === 'refused' ? party.consent.reason! : null,
        rightsNoticeAt: null,
        rightsNoticeLanguage: null,
      });
      await insertRow(manager, CaseParty, row);
      if (party.consent?.decision === 'refused')
        refusals.push({ partyId: row.id, reason: party.consent.reason! });
    }
    await appendTimeline(manager, mediationCase.id, {
      event: 'registered',
      toState: 'registered',
      details: { source: dto.source },
    });
    await this.audit.record(manager, {
      action: 'case.registered',
      entityType: 'case',
      entityId: mediationCase.id,
      summary: {
        caseNumber: mediationCase.caseNumber,
        stationId: station.id,
        disputeType: dto.disputeType,
        parties: dto.parties.length,
      },
    });
    // A party that clearly refuses mediation at intake: the case may not proceed (Art. 17).
    if (refusals.length)
      await this.lifecycle.transition(
        manager,
        mediationCase.id,
        'refused',
        'consent',
        refusals[0].reason,
        { partyId: refusals[0].partyId },
      );
    return mediationCase.id;
  }

  /**
   * Next gapless sequence for a station and year. The UPDATE takes the counter row's lock on
   * PostgreSQL until the registration commits, so concurrent registrations (also from other app
   * instances) queue; a rolled-back registration gives its number back. On SQLite the transaction
   * runner already serialises writers, also across processes (its transactions begin IMMEDIATE).
   */
  private async nextSequence(
    manager: EntityManager,
    stationId: string,
    year: number,
  ): Promise<number> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(CaseNumberCounter)
      .values({ stationId, year, lastSequence: 0 })
      .orIgnore()
      .execute();
    await manager
      .createQueryBuilder()
      .update(CaseNumberCounter)
      .set({ lastSequence: () => 'last_sequence + 1' })
      .where('station_id = :stationId AND year = :year', { stationId, year })
      .execute();
    const counter = await manager
      .getRepository(CaseNumberCounter)
      .findOneByOrFail({ stationId, year });
    return counter.lastSequence;
  }
}
