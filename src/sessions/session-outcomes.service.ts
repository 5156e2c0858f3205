import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { AuthenticatedUser, scopeOf } from '../auth/authenticated-user';
import { CaseLifecycle } from '../cases/case-lifecycle.service';
import { CaseQueries } from '../cases/case-queries.service';
import { applyCaseScope } from '../cases/case-scope';
import { lockCase } from '../cases/case-lock';
import { appendTimeline } from '../cases/case-timeline';
import { MediationCase } from '../cases/mediation-case.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { invalidField } from '../errors/domain-error';
import { MultilingualText, textIn } from '../common/multilingual-text/multilingual-text';
import { FollowUpVisit } from './follow-up-visit.entity';
import { MediationSession } from './mediation-session.entity';
import {
  caseNotMediating,
  noAgreementToFollow,
  outcomeRecorded,
  recordNotSigned,
  routesNotExplained as routesNotExplainedError,
} from './session-errors';
import {
  caseStateAfterFollowUp,
  caseStateAfterOutcome,
  outcomeNeedsMediatingCase,
  routesNotExplained,
} from './session-outcome-rules';
import { OutcomeDetails, SessionOutcome } from './session-outcome.entity';
import { loadSession } from './session-scheduler.service';
import { localDate, DEFAULT_TIME_ZONE } from './session-time';
import { FollowUpDto, SessionOutcomeDto } from './dto/session-outcome.dto';

/** A short plain reason for the case timeline, in Chinese when the record has it (the file's language). */
const reasonText = (text: MultilingualText | undefined | null, fallback: string) =>
  (text && (textIn(text, 'zh-CN')?.text ?? text.original.text)) || fallback;

/**
 * Outcomes of sessions and follow-up visits, and the case states they lead to: agreement,
 * termination (Art. 26) and withdrawal conclude mediation; follow-ups record performance (Art. 31).
 * Each write locks the case row first on PostgreSQL: one outcome per session, one state change.
 */
@Injectable()
export class SessionOutcomes {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly queries: CaseQueries,
    private readonly lifecycle: CaseLifecycle,
  ) {}

  async recordOutcome(
    caseId: string,
    sessionId: string,
    dto: SessionOutcomeDto,
    user: AuthenticatedUser,
  ) {
    const details = await this.transactions.run(async (manager) => {
      await lockCase(manager, caseId);
      const found = await this.queries.load(caseId, user, manager);
      const session = await loadSession(manager, caseId, sessionId);
      if (!session.signedAt) throw recordNotSigned();
      if (await manager.getRepository(SessionOutcome).exists({ where: { sessionId } }))
        throw outcomeRecorded();
      if (outcomeNeedsMediatingCase(dto.kind) && found.state !== 'mediating')
        throw caseNotMediating(found.state);
      const { details, deadline } = await this.detailsOf(manager, found, session, dto);
      const outcome = manager.getRepository(SessionOutcome).create({
        sessionId,
        caseId,
        kind: dto.kind,
        details,
        performanceDeadline: deadline,
        recordedBy: user.id,
        recordedAt: new Date(),
      });
      await manager.getRepository(SessionOutcome).insert(outcome);
      await appendTimeline(manager, caseId, {
        event: 'session_outcome',
        details: { sessionId, number: session.number, outcome: dto.kind },
      });
      await this.audit.record(manager, {
        action: 'session.outcome_recorded',
        entityType: 'session',
        entityId: sessionId,
        summary: { caseId, kind: dto.kind, performanceDeadline: deadline },
      });
      const to = caseStateAfterOutcome(dto.kind);
      if (to) {
        const reason = dto.kind === 'agreement_reached' ? null : reasonText(dto.reason, dto.kind);
        await this.lifecycle.transition(manager, caseId, to, 'manual', reason, {
          sessionId,
          outcomeId: outcome.id,
        });
      }
      return { id: outcome.id, kind: dto.kind, details, performanceDeadline: deadline };
    });
    return details;
  }

  private async detailsOf(
    manager: import('typeorm').EntityManager,
    found: MediationCase,
    session: MediationSession,
    dto: SessionOutcomeDto,
  ): Promise<{ details: OutcomeDetails; deadline: string | null }> {
    switch (dto.kind) {
      case 'adjourned': {
        if (dto.nextSessionId) {
          const next = await manager
            .getRepository(MediationSession)
            .findOne({ where: { id: dto.nextSessionId, caseId: found.id, status: 'scheduled' } });
          if (!next || next.startsAt <= session.startsAt)
            throw invalidField('nextSessionId', 'sessions:validation.unknownNextSession');
        }
        return { details: { nextSessionId: dto.nextSessionId ?? null }, deadline: null };
      }
      case 'agreement_reached': {
        if (!dto.agreementForm) throw invalidField('agreementForm', 'validation:isDefined');
        // An oral agreement exists only as the record says it (Art. 28): its terms are required.
        if (dto.agreementForm === 'oral' && !dto.terms)
          throw invalidField('terms', 'sessions:validation.oralTermsRequired');
        if (!dto.performanceDeadline)
          throw invalidField('performanceDeadline', 'validation:isDefined');
        const today = localDate(new Date(), session.timeZone ?? DEFAULT_TIME_ZONE);
        if (dto.performanceDeadline < today)
          throw invalidField('performanceDeadline', 'sessions:validation.deadlinePassed');
        return {
          details: { agreementForm: dto.agreementForm, terms: dto.terms ?? null },
          deadline: dto.performanceDeadline,
        };
      }
      case 'terminated': {
        const missing = routesNotExplained(dto.routesExplained ?? []);
        if (missing.length) throw routesNotExplainedError(missing.join(', '));
        if (!dto.reason)
          throw invalidField('reason', 'cases:validation.reasonRequired', { to: 'terminated' });
        return {
          details: { routesExplained: [...(dto.routesExplained ?? [])], reason: dto.reason },
          deadline: null,
        };
      }
      case 'withdrawn': {
        if (!dto.withdrawingPartyId || !found.parties?.some((p) => p.id === dto.withdrawingPartyId))
          throw invalidField('withdrawingPartyId', 'cases:validation.unknownParty');
        if (!dto.reason)
          throw invalidField('reason', 'cases:validation.reasonRequired', { to: 'withdrawn' });
        return {
          details: { withdrawingPartyId: dto.withdrawingPartyId, reason: dto.reason },
          deadline: null,
        };
      }
    }
  }

  /** Records a follow-up visit on the case's latest agreement; fully/not performed moves the case. */
  async followUp(caseId: string, dto: FollowUpDto, user: AuthenticatedUser) {
    return this.transactions.run(async (manager) => {
      await lockCase(manager, caseId);
      const found = await this.queries.load(caseId, user, manager);
      if (!['agreement_reached', 'performed', 'not_performed'].includes(found.state))
        throw noAgreementToFollow(found.state);
      const agreement = await manager.getRepository(SessionOutcome).findOne({
        where: { caseId, kind: 'agreement_reached' },
        order: { recordedAt: 'DESC' },
      });
      if (!agreement) throw noAgreementToFollow(found.state);
      const partyIds = new Set((found.parties ?? []).map((p) => p.id));
      dto.satisfaction.forEach((s, i) => {
        if (!partyIds.has(s.partyId))
          throw invalidField(`satisfaction.${i}.partyId`, 'cases:validation.unknownParty');
      });
      const visit = manager.getRepository(FollowUpVisit).create({
        caseId,
        outcomeId: agreement.id,
        visitedOn: dto.visitedOn,
        visitedBy: {
          name: dto.visitedByName,
          ...(dto.visitedByMediatorId ? { mediatorId: dto.visitedByMediatorId } : {}),
        },
        performance: dto.performance,
        satisfaction: dto.satisfaction.map((s) => ({ partyId: s.partyId, level: s.level })),
        wentToCourt: dto.wentToCourt,
        notes: dto.notes ?? null,
        recordedBy: user.id,
        recordedAt: new Date(),
      });
      await manager.getRepository(FollowUpVisit).insert(visit);
      await appendTimeline(manager, caseId, {
        event: 'follow_up_visit',
        details: { visitId: visit.id, performance: dto.performance, wentToCourt: dto.wentToCourt },
      });
      await this.audit.record(manager, {
        action: 'session.follow_up_recorded',
        entityType: 'case',
        entityId: caseId,
        summary: { visitId: visit.id, performance: dto.performance, wentToCourt: dto.wentToCourt },
      });
      const to = caseStateAfterFollowUp(found.state, dto.performance);
      if (to)
        await this.lifecycle.transition(
          manager,
          caseId,
          to,
          'manual',
          to === 'not_performed' ? reasonText(dto.notes, '回访：协议未履行') : null,
          { visitId: visit.id },
        );
      return { ...visit, caseState: to ?? found.state };
    });
  }

  async followUps(caseId: string, user: AuthenticatedUser) {
    await this.queries.load(caseId, user);
    return this.dataSource
      .getRepository(FollowUpVisit)
      .find({ where: { caseId }, order: { visitedOn: 'ASC', recordedAt: 'ASC' } });
  }

  /**
   * Agreements in the caller's scope whose performance deadline has passed with no visit on or
   * after it, oldest deadline first.
   */
  async due(user: AuthenticatedUser, asOf?: string) {
    const today = asOf ?? localDate(new Date(), DEFAULT_TIME_ZONE);
    const query = this.dataSource
      .getRepository(MediationCase)
      .createQueryBuilder('c')
      .innerJoin(SessionOutcome, 'o', "o.case_id = c.id AND o.kind = 'agreement_reached'")
      .select(['c.id AS "caseId"', 'c.case_number AS "caseNumber"', 'c.state AS "state"'])
      .addSelect(['o.id AS "outcomeId"', 'o.performance_deadline AS "performanceDeadline"'])
      .where('o.performance_deadline < :today', { today })
      .andWhere("c.state = 'agreement_reached'")
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM follow_up_visit f WHERE f.outcome_id = o.id AND f.visited_on >= o.performance_deadline)',
      );
    applyCaseScope(query, scopeOf(user));
    const rows = await query.orderBy('o.performance_deadline', 'ASC').getRawMany<{
      caseId: string;
      caseNumber: string;
      state: string;
      outcomeId: string;
      performanceDeadline: string | Date;
    }>();
    return rows.map((r) => ({ ...r, performanceDeadline: dateOnly(r.performanceDeadline) }));
  }
}

/** PostgreSQL returns DATE columns as strings or Dates depending on the driver's parsers. */
function dateOnly(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
