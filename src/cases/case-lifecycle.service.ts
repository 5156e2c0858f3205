import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JsonObject } from '../common/json';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { TransactionRunner } from '../database/transaction-runner';
import { CaseParty } from './case-party.entity';
import {
  caseNotFound,
  illegalTransition,
  partyNotFound,
  transitionNotManual,
  caseConcluded,
} from './case-errors';
import {
  CaseState,
  checkTransition,
  CONCLUDED_STATES,
  dueDateAfter,
  TransitionTrigger,
} from './case-lifecycle';
import { CaseQueries } from './case-queries.service';
import { appendTimeline } from './case-timeline';
import { CaseTransition } from './case-transition.entity';
import { CaseView } from './case.view';
import { ConsentDto } from './dto/party.dto';
import { RightsNoticeDto } from './dto/transition.dto';
import { isOpenCaseState, releaseSeatsOfConcludedCase } from '../mediators/mediator-workload';
import { MediationCase } from './mediation-case.entity';
import { invalidField } from '../errors/domain-error';

/** Every party has received the notice of rights and duties: sessions may not start before. */
export function allPartiesNotified(parties: Pick<CaseParty, 'rightsNoticeAt'>[]): boolean {
  return parties.length > 0 && parties.every((p) => p.rightsNoticeAt !== null);
}

/**
 * Moves cases through the lifecycle table, keeping actor, time and reason of each step. Other
 * modules call `transition` inside their own transaction (panel assignment → mediating).
 */
@Injectable()
export class CaseLifecycle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly queries: CaseQueries,
  ) {}

  /** Changes the state inside the caller's transaction; the case row is locked on PostgreSQL. */
  async transition(
    manager: EntityManager,
    caseId: string,
    to: CaseState,
    via: TransitionTrigger,
    reason?: string | null,
    details: JsonObject = {},
  ): Promise<MediationCase> {
    const query = manager
      .getRepository(MediationCase)
      .createQueryBuilder('c')
      .where('c.id = :caseId', { caseId });
    if (manager.connection.options.type === 'postgres') query.setLock('pessimistic_write');
    const found = await query.getOne();
    if (!found) throw caseNotFound(caseId);
    const check = checkTransition(found.state, to, via, reason);
    if (!check.ok) {
      if (check.problem === 'reason-required')
        throw invalidField('reason', 'cases:validation.reasonRequired', { to });
      throw check.problem === 'wrong-trigger'
        ? transitionNotManual(found.state, to, check.allowed)
        : illegalTransition(found.state, to, check.allowed);
    }
    const now = new Date();
    const changes: Partial<MediationCase> = { state: to };
    if (to === 'accepted') {
      changes.acceptedAt = now;
      changes.dueAt = dueDateAfter(now);
    }
    if (CONCLUDED_STATES.has(to) && !found.concludedAt) changes.concludedAt = now;
    if (to === 'closed' || to === 'declined' || to === 'refused') changes.closedAt = now;
    await manager
      .getRepository(MediationCase)
      .update({ id: caseId }, { ...changes, version: found.version + 1 });
    if (isOpenCaseState(found.state) && !isOpenCaseState(to))
      await releaseSeatsOfConcludedCase(manager, caseId);
    await appendTimeline(
      manager,
      caseId,
      {
        event: 'state_changed',
        fromState: found.state,
        toState: to,
        reason: reason ?? null,
        details,
      },
      now,
    );
    await this.audit.record(manager, {
      action: 'case.transition',
      entityType: 'case',
      entityId: caseId,
      summary: { from: found.state, to, via },
    });
    return { ...found, ...changes } as MediationCase;
  }

  async transitionByHand(
    caseId: string,
    to: CaseState,
    reason: string | undefined,
    user: AuthenticatedUser,
  ): Promise<CaseView> {
    await this.transactions.run(async (manager) => {
      await this.queries.load(caseId, user, manager);
      await this.transition(manager, caseId, to, 'manual', reason);
    });
    return this.queries.get(caseId, user);
  }

  /** Records a party's consent; a clear refusal ends the case as refused (Art. 17). */
  async recordConsent(
    caseId: string,
    partyId: string,
    dto: ConsentDto,
    user: AuthenticatedUser,
  ): Promise<CaseView> {
    if (dto.decision === 'refused' && !dto.reason)
      throw invalidField('reason', 'cases:validation.refusalReasonRequired');
    await this.transactions.run(async (manager) => {
      const found = await this.queries.load(caseId, user, manager);
      if (CONCLUDED_STATES.has(found.state)) throw caseConcluded(found.state);
      const party = found.parties?.find((p) => p.id === partyId);
      if (!party) throw partyNotFound(partyId);
      const now = new Date();
      await manager.getRepository(CaseParty).update(
        { id: partyId },
        {
          consent: dto.decision,
          consentAt: now,
          consentMethod: dto.method,
          refusalReason: dto.decision === 'refused' ? dto.reason! : null,
        },
      );
      await appendTimeline(
        manager,
        caseId,
        {
          event: dto.decision === 'given' ? 'consent_given' : 'consent_refused',
          reason: dto.reason ?? null,
          details: { partyId, method: dto.method },
        },
        now,
      );
      await this.audit.record(manager, {
        action: 'case.consent',
        entityType: 'case',
        entityId: caseId,
        summary: { partyId, decision: dto.decision },
      });
      if (dto.decision === 'refused')
        await this.transition(manager, caseId, 'refused', 'consent', dto.reason, { partyId });
    });
    return this.queries.get(caseId, user);
  }

  async recordRightsNotice(
    caseId: string,
    partyId: string,
    dto: RightsNoticeDto,
    user: AuthenticatedUser,
  ): Promise<CaseView> {
    await this.transactions.run(async (manager) => {
      const found = await this.queries.load(caseId, user, manager);
      const party = found.parties?.find((p) => p.id === partyId);
      if (!party) throw partyNotFound(partyId);
      const at = dto.deliveredAt ? new Date(dto.deliveredAt) : new Date();
      await manager
        .getRepository(CaseParty)
        .update({ id: partyId }, { rightsNoticeAt: at, rightsNoticeLanguage: dto.language });
      await appendTimeline(manager, caseId, {
        event: 'rights_notice_delivered',
        details: { partyId, language: dto.language },
      });
      await this.audit.record(manager, {
        action: 'case.rights_notice',
        entityType: 'case',
        entityId: caseId,
        summary: { partyId, language: dto.language },
      });
    });
    return this.queries.get(caseId, user);
  }

  async timeline(caseId: string, user: AuthenticatedUser) {
    await this.queries.load(caseId, user);
    const entries = await this.dataSource
      .getRepository(CaseTransition)
      .find({ where: { caseId }, order: { ordinal: 'ASC' } });
    return entries.map((e) => ({
      event: e.event,
      fromState: e.fromState,
      toState: e.toState,
      at: e.at,
      actor: e.actorName,
      reason: e.reason,
      details: e.details,
    }));
  }
}
