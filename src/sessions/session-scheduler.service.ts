import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { PanelMember } from '../assignment/panel-member.entity';
import { AuditTrail } from '../audit/audit-trail.service';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { CaseQueries } from '../cases/case-queries.service';
import { allPartiesNotified } from '../cases/case-lifecycle.service';
import { lockCase } from '../cases/case-lock';
import { appendTimeline } from '../cases/case-timeline';
import { MediationCase } from '../cases/mediation-case.entity';
import { TransactionRunner } from '../database/transaction-runner';
import { invalidField } from '../errors/domain-error';
import { Mediator } from '../mediators/mediator.entity';
import { ExpectedParticipants, MediationSession } from './mediation-session.entity';
import { bookResources, releaseResources } from './session-bookings';
import {
  caseNotMediating,
  recordSigned,
  rightsNoticePending,
  sessionNotFound,
  sessionNotOpen,
} from './session-errors';
import { DEFAULT_TIME_ZONE, toInstant } from './session-time';
import { sessionView } from './session.view';
import { ScheduleSessionDto, UpdateSessionDto } from './dto/schedule-session.dto';

/** Loads a session of a case the caller may see (the case is loaded through its scope first). */
export async function loadSession(
  manager: EntityManager,
  caseId: string,
  sessionId: string,
): Promise<MediationSession> {
  const session = await manager
    .getRepository(MediationSession)
    .findOne({ where: { id: sessionId, caseId } });
  if (!session) throw sessionNotFound(sessionId);
  return session;
}

/**
 * Schedules, reschedules and cancels sessions. Every booking goes through bookResources, which
 * refuses a mediator, interpreter or room already booked at an overlapping time.
 */
@Injectable()
export class SessionScheduler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly queries: CaseQueries,
  ) {}

  async schedule(caseId: string, dto: ScheduleSessionDto, user: AuthenticatedUser) {
    const created = await this.transactions.run(async (manager) => {
      // Sessions of one case are numbered 1, 2, 3…: two at once must not both take the next one.
      await lockCase(manager, caseId);
      const found = await this.queries.load(caseId, user, manager);
      if (found.state !== 'mediating') throw caseNotMediating(found.state);
      const parties = found.parties ?? [];
      if (!allPartiesNotified(parties)) {
        const pending = parties.filter((p) => !p.rightsNoticeAt).map(partyName);
        throw rightsNoticePending(pending.join(', '));
      }
      const participants = await this.checkParticipants(manager, found, dto);
      const timeZone = dto.timeZone ?? found.station?.timezone ?? DEFAULT_TIME_ZONE;
      const when = timesOf(dto.startsAt, dto.endsAt, timeZone);
      checkPlace(dto.room, dto.videoLink);
      if (dto.publicity === 'private' && !dto.privateReason)
        throw invalidField('privateReason', 'sessions:validation.privateReasonRequired');
      if (dto.publicity === 'public' && dto.privateReason)
        throw invalidField('privateReason', 'sessions:validation.privateReasonOnlyPrivate');
      const last = await manager
        .getRepository(MediationSession)
        .createQueryBuilder('s')
        .select('MAX(s.number)', 'max')
        .where('s.case_id = :caseId', { caseId })
        .getRawOne<{ max: number | string | null }>();
      const session = manager.getRepository(MediationSession).create({
        caseId,
        stationId: found.stationId,
        number: Number(last?.max ?? 0) + 1,
        ...when,
        timeZone,
        room: dto.room ?? null,
        videoLink: dto.videoLink ?? null,
        publicity: dto.publicity,
        privateReason: dto.privateReason ?? null,
        languages: dto.languages,
        participants,
        attendance: null,
        status: 'scheduled',
        cancellationReason: null,
        revision: 0,
        signedAt: null,
        createdBy: user.id,
      });
      await manager.getRepository(MediationSession).insert(session);
      await bookResources(manager, session);
      await appendTimeline(manager, caseId, {
        event: 'session_scheduled',
        details: {
          sessionId: session.id,
          number: session.number,
          startsAt: when.startsAt.toISOString(),
        },
      });
      await this.audit.record(manager, {
        action: 'session.scheduled',
        entityType: 'session',
        entityId: session.id,
        summary: {
          caseId,
          startsAt: when.startsAt.toISOString(),
          endsAt: when.endsAt.toISOString(),
          timeZone,
          publicity: dto.publicity,
          mediatorIds: [...participants.panelMemberIds, ...participants.interpreterIds],
        },
      });
      return session.id;
    });
    return this.get(caseId, created, user);
  }

  async list(caseId: string, user: AuthenticatedUser) {
    await this.queries.load(caseId, user);
    const sessions = await this.dataSource
      .getRepository(MediationSession)
      .find({ where: { caseId }, order: { number: 'ASC' } });
    return sessions.map(sessionView);
  }

  async get(caseId: string, sessionId: string, user: AuthenticatedUser) {
    await this.queries.load(caseId, user);
    return sessionView(await loadSession(this.dataSource.manager, caseId, sessionId));
  }

  /** Moves a session in time or place (bookings are checked again), or cancels it. */
  async update(caseId: string, sessionId: string, dto: UpdateSessionDto, user: AuthenticatedUser) {
    await this.transactions.run(async (manager) => {
      // The case row before the bookings' locks, in the order scheduling takes them.
      await lockCase(manager, caseId);
      await this.queries.load(caseId, user, manager);
      const session = await loadSession(manager, caseId, sessionId);
      if (session.signedAt) throw recordSigned();
      if (session.status !== 'scheduled') throw sessionNotOpen(session.status);
      if (dto.status === 'cancelled') {
        if (!dto.cancellationReason)
          throw invalidField(
            'cancellationReason',
            'sessions:validation.cancellationReasonRequired',
          );
        await manager.getRepository(MediationSession).update(
          { id: sessionId },
          {
            status: 'cancelled',
            cancellationReason: dto.cancellationReason,
            revision: session.revision + 1,
          },
        );
        await releaseResources(manager, sessionId);
        await appendTimeline(manager, caseId, {
          event: 'session_cancelled',
          reason: dto.cancellationReason,
          details: { sessionId, number: session.number },
        });
        await this.audit.record(manager, {
          action: 'session.cancelled',
          entityType: 'session',
          entityId: sessionId,
          summary: { caseId },
        });
        return;
      }
      const timeZone = dto.timeZone ?? session.timeZone;
      const when = timesOf(
        dto.startsAt ?? session.startsAt.toISOString(),
        dto.endsAt ?? session.endsAt.toISOString(),
        timeZone,
      );
      const room = dto.room ?? session.room;
      const videoLink = dto.videoLink ?? session.videoLink;
      checkPlace(room, videoLink);
      const changed = { ...when, timeZone, room, videoLink, revision: session.revision + 1 };
      await bookResources(manager, { ...session, ...changed });
      await manager.getRepository(MediationSession).update({ id: sessionId }, changed);
      await appendTimeline(manager, caseId, {
        event: 'session_rescheduled',
        details: { sessionId, number: session.number, startsAt: when.startsAt.toISOString() },
      });
      await this.audit.record(manager, {
        action: 'session.rescheduled',
        entityType: 'session',
        entityId: sessionId,
        summary: {
          caseId,
          fields: Object.keys(dto).filter((k) => dto[k as keyof UpdateSessionDto] !== undefined),
          startsAt: when.startsAt.toISOString(),
          endsAt: when.endsAt.toISOString(),
        },
      });
    });
    return this.get(caseId, sessionId, user);
  }

  /** Parties of the case, panel members seated now, registered interpreters, consented invitees. */
  private async checkParticipants(
    manager: EntityManager,
    found: MediationCase,
    dto: ScheduleSessionDto,
  ): Promise<ExpectedParticipants> {
    const p = dto.participants;
    const partyIds = new Set((found.parties ?? []).map((x) => x.id));
    p.partyIds.forEach((id, i) => {
      if (!partyIds.has(id))
        throw invalidField(`participants.partyIds.${i}`, 'cases:validation.unknownParty');
    });
    (p.agents ?? []).forEach((a, i) => {
      if (!p.partyIds.includes(a.partyId))
        throw invalidField(
          `participants.agents.${i}.partyId`,
          'sessions:validation.agentOfAbsentParty',
        );
    });
    const interpreterIds = p.interpreterIds ?? [];
    const all = [...p.panelMemberIds, ...interpreterIds];
    if (new Set(all).size !== all.length)
      throw invalidField('participants.panelMemberIds', 'sessions:validation.mediatorTwice');
    const seated = await manager.getRepository(PanelMember).find({
      where: { caseId: found.id, removedAt: IsNull(), mediatorId: In(p.panelMemberIds) },
    });
    p.panelMemberIds.forEach((id, i) => {
      if (!seated.some((s) => s.mediatorId === id && s.role !== 'interpreter'))
        throw invalidField(`participants.panelMemberIds.${i}`, 'sessions:validation.notOnPanel');
    });
    if (interpreterIds.length) {
      const known = await manager
        .getRepository(Mediator)
        .find({ where: { id: In(interpreterIds) }, select: ['id'] });
      interpreterIds.forEach((id, i) => {
        if (!known.some((m) => m.id === id))
          throw invalidField(
            `participants.interpreterIds.${i}`,
            'mediators:validation.unknownMediator',
          );
      });
    }
    const now = new Date().toISOString();
    const invited = (p.invited ?? []).map((v, i) => {
      // Art. 20: invited participants take part with the parties' consent — every party's.
      if ([...partyIds].some((id) => !v.consentOfPartyIds.includes(id)))
        throw invalidField(
          `participants.invited.${i}.consentOfPartyIds`,
          'sessions:validation.invitedConsent',
        );
      return {
        name: v.name,
        relation: v.relation,
        consentOfPartyIds: v.consentOfPartyIds,
        consentRecordedAt: now,
      };
    });
    return {
      partyIds: p.partyIds,
      agents: (p.agents ?? []).map((a) => ({ partyId: a.partyId, name: a.name })),
      panelMemberIds: p.panelMemberIds,
      interpreterIds,
      invited,
    };
  }
}

function timesOf(startsAt: string, endsAt: string, timeZone: string) {
  const when = { startsAt: toInstant(startsAt, timeZone), endsAt: toInstant(endsAt, timeZone) };
  if (when.endsAt.getTime() <= when.startsAt.getTime())
    throw invalidField('endsAt', 'sessions:validation.endsBeforeStart');
  if (when.endsAt.getTime() - when.startsAt.getTime() > 12 * 3_600_000)
    throw invalidField('endsAt', 'sessions:validation.tooLong');
  return when;
}

function checkPlace(room: string | null | undefined, videoLink: string | null | undefined) {
  if (!room && !videoLink) throw invalidField('room', 'sessions:validation.placeRequired');
}

function partyName(party: {
  person?: { nameOriginal?: string } | null;
  organisation?: { nameOriginal?: string } | null;
  id: string;
}) {
  return party.person?.nameOriginal ?? party.organisation?.nameOriginal ?? party.id;
}
